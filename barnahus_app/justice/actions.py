"""The justice track and compensation (Session mixin, issue #16). Policy kind "justice": the
liaison and coordinators (the case lead) read and record it; every other case role reads only the
summary line, justice_status (case.read), as policy.py explains.

PROCEEDINGS. One per alleged offender (a party of the case in the role alleged_offender, never a
child of any case), per child of the case and per kind (criminal, child_protection, civil). Its
status follows its dated events; the core allows exactly these (ValidationError otherwise):

  criminal       event                  allowed when the status is            status after
                 reported_to_police     open                                  reported
                 investigation_opened   open, reported                        investigating
                 charge_decision        reported, investigating, declined,    charged | declined |
                                        no_further_action (a review)          no_further_action
                 indictment             charged                               indicted
                 hearing                charged, indicted, decided,           (unchanged)
                                        sentenced, appealed
                 verdict (per charge)   indicted, decided, appealed           decided
                 sentence               decided (a charge convicted or pled)  sentenced
                 appeal                 decided, sentenced                    appealed
                 final_disposition      any but closed                        closed
  child_protection, civil
                 hearing                open                                  (unchanged)
                 final_disposition      open                                  closed

  So: no verdict before a charge (and an indictment); a verdict is given once per charge, and
  again only after an appeal (it replaces the first); "declined" needs the reason; a charge
  decision "charged" names the charges (offence categories, optionally the case's alleged
  offences). A closed proceeding takes no event.

  Hearings are follow-up reminders (followup_rules kind court_date, discipline liaison, subject
  "justice_hearing"): the liaison sees court dates in every case, the case lead every reminder of
  the cases they lead. A hearing may be moved (move_hearing: the reminder moves with it).
  The statute-of-limitation warning of the alleged offence the proceeding names (offence_id)
  attaches to it: justice_summary carries that offence's limitation and its warning reminder.

THE CHILD'S PART. How the child took part (recorded_interview_used, live_link, in_court,
not_at_all), special measures, the support person and the legal representative, and the child's
own view of the outcome (a code, their words optional). Taking part is the child's right, not a
duty (001 para 75): "not_at_all" is one answer among the others; nothing counts it, flags it,
warns about it or makes a reminder of it.

RELEASE NOTIFICATION (004 para 59: "to be notified of the offender's release ... if they so
wish"). set_release_wish records whether the child and family wish to be told (wanted,
not_wanted; until then "not asked yet") and the day they said so. A sentenced proceeding's release
date makes a reminder (action_item, discipline liaison, subject "justice_release") due
RELEASE_NOTICE_DAYS (a constant, 30) before it, to inform them, unless they do not wish it;
record_release_informed records that they were and completes it. A new date moves the reminder
(and asks to inform them again). "Do not wish to be told" declines the open reminder with that
reason and makes none for a later date; wishing it again brings a reminder back while they were not
yet told of the release date (overdue when the release is past: they still wish to know). "Not
asked yet" keeps the reminder: whoever acts on it asks them first.

SUPPORT NEVER DEPENDS ON THE JUSTICE TRACK (001 para 80). Closing a proceeding (the final
disposition) ends no service, no referral and no reminder: not even its own hearing or release
reminders, which the liaison completes or declines like any other.

COMPENSATION. Claims per child: route (criminal_case, civil_claim, state_fund), claimant and
representative, amounts in integer minor units of one ISO 4217 currency (three capital letters),
dates. Status moves only along CLAIM_FLOW (set_claim_status) or by a payment (record_payment):

  rights_not_explained -> explained -> filed -> pending | awarded | partly_awarded | rejected
  pending, appealed    -> awarded | partly_awarded | rejected
  awarded, partly_awarded -> unenforceable | appealed   (and by a payment: paid | partly_paid)
  rejected -> appealed;  partly_paid -> unenforceable (and by a payment: paid)
  paid, unenforceable: final (where the offender cannot pay: a new claim on the state_fund route)

  filed needs the amount claimed; awarded the amount awarded (partly_awarded: less than claimed);
  a payment adds to the amount paid, which never exceeds the award: equal to it, the claim is
  paid, else partly_paid. A claim's deadline (set_claim_deadline) is a follow-up reminder
  (compensation_deadline, discipline liaison), completed by the claim's next step.
  The right to compensation is explained at two checkpoints (003 para 30(c), (h)): after the
  forensic interview (an interview recorded as held makes the reminder, subject
  "rights_after_interview", due RIGHTS_DAYS later) and at the verdict (the first verdict of a
  proceeding makes it, "rights_at_verdict"); record_rights_explained completes them.

Audit entries carry ids and codes, never a reason, a child's words, a name or an amount.

Session API (each one call, permission-checked and audited):
  open_proceeding(case_id, offender_person_id, kind, *, child_person_id=None, offence_id=None,
      police_reference=None, court_reference=None) -> id; update_proceeding(proceeding_id, *,
      police_reference=, court_reference=, offence_id=)
  record_justice_event(proceeding_id, kind, on, *, decision=None, reason=None, charges=None,
      charge_id=None, verdict=None, outcome=None, release_on=None) -> event id
  schedule_hearing(proceeding_id, on=None, *, at=None, time_zone=None) -> event id;
      move_hearing(event_id, on=None, *, at=None, time_zone=None)
  set_child_participation(proceeding_id, *, participation=, special_measures=, support_person_id=,
      support_person_name=, legal_representative=, child_view=, child_view_words=, child_view_on=)
  set_release_date(proceeding_id, release_on); record_release_informed(proceeding_id, on)
  set_release_wish(proceeding_id, wish, on)
  open_claim(case_id, route, claimant, *, child_person_id=None, currency, amount_claimed=None,
      claimant_person_id=None, representative=None, proceeding_id=None, deadline_on=None) -> id
  set_claim_status(claim_id, status, on, *, amount=None); record_payment(claim_id, amount, on)
  set_claim_deadline(claim_id, deadline_on)
  record_rights_explained(case_id, stage, on, *, child_person_id=None) -> id
  justice_summary(case_id) -> dict (the tab, the court summary and the CLI)
  justice_status(case_id) -> dict (the summary line: its counts, for every case reader)
  liaison_today(as_of, days=60) -> dict (hearings, decisions_due, release_dates,
      compensation_deadlines)
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import delete, func, insert, select, update

from barnahus_app import vocab
from barnahus_app.cases.actions import require_case
from barnahus_app.cases.tables import Case, CaseChild, CaseParty
from barnahus_app.errors import NotFound, ValidationError
from barnahus_app.fields import Date, Text, check_count
from barnahus_app.followup.actions import (
    R as RULES, clean_rule, complete_occurrence, compute_limitation, decode_pending, insert_rule,
    limitations_table, local_date, recompute, refresh_limitations, reminder_event_in,
)
from barnahus_app.followup.tables import AllegedOffence
from barnahus_app.justice.tables import (
    Charge, CompensationClaim, CompensationEvent, Proceeding, ProceedingEvent, ProceedingMeasure, RightsExplained,
)
from barnahus_app.persons.actions import require_person
from barnahus_app.persons.tables import Person
from barnahus_app.session_base import SessionBase
from barnahus_app.timeutil import local_to_utc, to_utc_iso, utc_now_iso, zone_info

PR = Proceeding.__table__
EV = ProceedingEvent.__table__
CH = Charge.__table__
SM = ProceedingMeasure.__table__
CL = CompensationClaim.__table__
CE = CompensationEvent.__table__
RE = RightsExplained.__table__
C = Case.__table__
CC = CaseChild.__table__
CP = CaseParty.__table__
OF = AllegedOffence.__table__
P = Person.__table__

RELEASE_NOTICE_DAYS = 30    # the release reminder falls due this many days before the release date
RIGHTS_DAYS = 14            # a rights-explained checkpoint falls due this long after its event
TODAY_DAYS = 60             # liaison_today looks this far ahead by default

OPEN, CLOSED = "open", "closed"
NOT_WANTED = "not_wanted"   # the child and family do not wish to be told of the release
RELEASE_NOT_WANTED_REASON = "The child and family do not wish to be told of the release."
ANY_OPEN = ("open", "reported", "investigating", "charged", "declined", "no_further_action", "indicted", "decided",
            "sentenced", "appealed")
CRIMINAL_FLOW = {
    "reported_to_police": ({"open"}, "reported"),
    "investigation_opened": ({"open", "reported"}, "investigating"),
    "charge_decision": ({"reported", "investigating", "declined", "no_further_action"}, None),
    "indictment": ({"charged"}, "indicted"),
    "hearing": ({"charged", "indicted", "decided", "sentenced", "appealed"}, None),
    "verdict": ({"indicted", "decided", "appealed"}, "decided"),
    "sentence": ({"decided"}, "sentenced"),
    "appeal": ({"decided", "sentenced"}, "appealed"),
    "final_disposition": (set(ANY_OPEN), CLOSED),
}
OTHER_FLOW = {
    "hearing": ({"open"}, None),
    "final_disposition": ({"open"}, CLOSED),
}
CLAIM_FLOW = {
    "rights_not_explained": {"explained"},
    "explained": {"filed"},
    "filed": {"pending", "awarded", "partly_awarded", "rejected"},
    "pending": {"awarded", "partly_awarded", "rejected"},
    "appealed": {"awarded", "partly_awarded", "rejected"},
    "awarded": {"unenforceable", "appealed"},
    "partly_awarded": {"unenforceable", "appealed"},
    "rejected": {"appealed"},
    "partly_paid": {"unenforceable"},
    "paid": set(),
    "unenforceable": set(),
}
PAYABLE = ("awarded", "partly_awarded", "partly_paid")
DECIDED = ("awarded", "partly_awarded", "rejected")


def allowed_events(kind: str, status: str) -> tuple[str, ...]:
    """The events a proceeding of this kind may take where it stands (status): the flow of the
    module docstring, in the flow's order; none once closed. A hearing is among them where one
    may be scheduled (schedule_hearing records it, not record_justice_event)."""
    flow = CRIMINAL_FLOW if kind == "criminal" else OTHER_FLOW
    return tuple(k for k, (before, _after) in flow.items() if status in before)


def claim_next_statuses(status: str) -> tuple[str, ...]:
    """The statuses set_claim_status may move a claim to from this one (CLAIM_FLOW), in the
    order of the compensation_statuses list; a payment (record_payment) is not among them."""
    nxt = CLAIM_FLOW.get(status, set())
    return tuple(c for c in vocab.vocabulary("compensation_statuses").codes() if c in nxt)


def takes_payment(status: str) -> bool:
    """Whether record_payment accepts a payment on a claim in this status."""
    return status in PAYABLE


REFERENCE = Text(100)
NAME = Text(200)
REASON = Text(2000, required=True, multiline=True)
WORDS = Text(5000, multiline=True)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_AMOUNT = 10**15


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**62


def _amount(field: str, value, required: bool = True, positive: bool = True) -> int | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not (1 if positive else 0) <= value <= MAX_AMOUNT:
        raise ValidationError(field, "give the amount as a whole number of the currency's minor units "
                                     "(e.g. öre or cents), more than 0.")
    return value


class JusticeActions(SessionBase):
    # --- proceedings ----------------------------------------------------------------------------
    def open_proceeding(self, case_id: int, offender_person_id: int, kind: str, *, child_person_id: int | None = None,
                        offence_id: int | None = None, police_reference: str | None = None,
                        court_reference: str | None = None) -> int:
        """A proceeding against an alleged offender of the case (never a child) for one child of
        the case (default: its only child). offence_id: the case's alleged offence whose
        limitation warning attaches here."""
        self._authorize("justice", "create")
        kind = vocab.check_code("justice_proceeding_kinds", "kind", kind, True)
        police = REFERENCE.clean("police_reference", police_reference)
        court = REFERENCE.clean("court_reference", court_reference)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            child = _case_child(conn, case_id, child_person_id)
            _check_offender(conn, case_id, offender_person_id)
            _check_offence(conn, case_id, offence_id)
            pid = conn.execute(insert(PR).values(
                case_id=case_id, child_person_id=child, offender_person_id=offender_person_id, kind=kind,
                status=OPEN, offence_id=offence_id, police_reference=police, court_reference=court,
                created_by=self.user_id, created_at=now, updated_at=now)).inserted_primary_key[0]
            self._audit(conn, "justice.proceeding_opened", "case", case_id, {"proceeding": pid, "kind": kind})
        return pid

    def update_proceeding(self, proceeding_id: int, **fields) -> None:
        """Change a proceeding's police_reference, court_reference or offence_id (the case's
        alleged offence whose limitation warning attaches here; None: none). Only the fields
        given change."""
        self._authorize("justice", "update")
        allowed = {"police_reference", "court_reference", "offence_id"}
        unknown = set(fields) - allowed
        if unknown or not fields:
            raise ValidationError(sorted(unknown)[0] if unknown else "fields",
                                  "is not a field of a proceeding that can be changed here." if unknown
                                  else "Give a field to change.")
        data = {k: REFERENCE.clean(k, fields[k]) for k in ("police_reference", "court_reference") if k in fields}
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id, closed_ok=True)
            if "offence_id" in fields:
                _check_offence(conn, p.case_id, fields["offence_id"])
                data["offence_id"] = fields["offence_id"]
            conn.execute(update(PR).where(PR.c.id == p.id).values(**data, updated_at=utc_now_iso()))
            self._audit(conn, "justice.proceeding_updated", "case", p.case_id,
                        {"proceeding": p.id, "fields": sorted(fields)})

    def record_justice_event(self, proceeding_id: int, kind: str, on, *, decision: str | None = None,
                             reason: str | None = None, charges=None, charge_id: int | None = None,
                             verdict: str | None = None, outcome: str | None = None, release_on=None) -> int:
        """A dated event (not in the future; a hearing to come: schedule_hearing). See the module
        docstring for which event may follow which. charge_decision: decision (charged: charges
        [{"category", "offence_id"?}]; declined: reason). verdict: charge_id and verdict
        (justice_verdicts). sentence: release_on optional. final_disposition: outcome
        (justice_final_outcomes)."""
        self._authorize("justice", "update")
        kind = vocab.check_code("justice_event_kinds", "kind", kind, True)
        if kind == "hearing":
            raise ValidationError("kind", "Schedule a hearing with its date (it becomes a court-date reminder).")
        on = Date(required=True, not_future=True).clean("on", on)
        values: dict = {}
        if kind == "charge_decision":
            values["decision"] = vocab.check_code("justice_charge_decisions", "decision", decision, True)
            if values["decision"] == "declined":
                values["reason"] = REASON.clean("reason", reason)
            charges = _clean_charges(charges) if values["decision"] == "charged" else None
            if charges is None and values["decision"] == "charged":
                raise ValidationError("charges", "name at least one charge.")
        elif decision is not None or reason is not None or charges is not None:
            raise ValidationError("decision", "only a charge decision has a decision, a reason or charges.")
        if kind == "verdict":
            values["outcome"] = vocab.check_code("justice_verdicts", "verdict", verdict, True)
            if not _is_id(charge_id):
                raise ValidationError("charge_id", "choose the charge the verdict is on.")
        elif verdict is not None or charge_id is not None:
            raise ValidationError("verdict", "only a verdict has a charge and a verdict.")
        if kind == "final_disposition":
            values["outcome"] = vocab.check_code("justice_final_outcomes", "outcome", outcome, True)
        elif outcome is not None:
            raise ValidationError("outcome", "only the final disposition has an outcome.")
        release = Date().clean("release_on", release_on)
        if release is not None and kind != "sentence":
            raise ValidationError("release_on", "only a sentence has a release date.")
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id)
            after = _check_flow(p, kind)
            last = conn.execute(select(EV.c.on_date).where(EV.c.proceeding_id == p.id, EV.c.kind != "hearing")
                                .order_by(EV.c.on_date.desc()).limit(1)).scalar()
            if last is not None and on < last:
                raise ValidationError("on", f"is before the proceeding's last event ({last}).")
            if kind == "charge_decision":
                after = values["decision"]
            detail: dict = {}
            if kind == "verdict":
                ch = conn.execute(select(CH).where(CH.c.id == charge_id, CH.c.proceeding_id == p.id)).first()
                if ch is None:
                    raise ValidationError("charge_id", "is not a charge of this proceeding.")
                if ch.verdict is not None and p.status != "appealed":
                    raise ValidationError("charge_id", "This charge has its verdict; a new one follows an appeal.")
                values["charge_id"] = charge_id
            if kind == "sentence" and not conn.execute(select(CH.c.id).where(
                    CH.c.proceeding_id == p.id, CH.c.verdict.in_(("convicted", "plea")))).first():
                raise ValidationError("kind", "A sentence follows a conviction or a guilty plea on a charge.")
            eid = conn.execute(insert(EV).values(proceeding_id=p.id, kind=kind, on_date=on, created_by=self.user_id,
                                                 created_at=utc_now_iso(), **values)).inserted_primary_key[0]
            if charges:
                for c in charges:
                    _check_offence(conn, p.case_id, c["offence_id"])
                    conn.execute(insert(CH).values(proceeding_id=p.id, **c))
                detail["charges"] = len(charges)
            if kind == "verdict":
                conn.execute(update(CH).where(CH.c.id == charge_id).values(verdict=values["outcome"], verdict_on=on))
                if not _rights_rule_exists(conn, p.case_id, p.child_person_id, "rights_at_verdict", p.id):
                    _rights_rule(self, conn, p.case_id, p.child_person_id, "rights_at_verdict", p.id, on)
            change = {"status": after} if after else {}
            if after == CLOSED:
                change["closed_on"] = on
            conn.execute(update(PR).where(PR.c.id == p.id).values(**change, updated_at=utc_now_iso()))
            if kind == "sentence" and release:
                _set_release(self, conn, p, release)
            self._audit(conn, "justice.event_recorded", "case", p.case_id,
                        {"proceeding": p.id, "event": eid, "kind": kind, "status": after or p.status,
                         **{k: values[k] for k in ("decision", "outcome") if k in values}, **detail})
        return eid

    def schedule_hearing(self, proceeding_id: int, on=None, *, at=None, time_zone: str | None = None) -> int:
        """A hearing on a date (on) or at a time (at, local to time_zone, default the centre's):
        a court-date reminder for the liaison and the case lead."""
        self._authorize("justice", "update")
        when = _hearing_when(self, on, at, time_zone)
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id)
            _check_flow(p, "hearing")
            eid = conn.execute(insert(EV).values(proceeding_id=p.id, kind="hearing", **when, created_by=self.user_id,
                                                 created_at=utc_now_iso())).inserted_primary_key[0]
            rule = dict(discipline="liaison", subject_kind="justice_hearing", subject_id=eid)
            if when["at_utc"]:
                rule.update(due_at=when["at_utc"], time_zone=when["time_zone"])
            else:
                rule["due_on"] = when["on_date"]
            rid = insert_rule(self, conn, p.child_person_id, p.case_id, "court_date",
                              clean_rule("court_date", rule, new=True))
            conn.execute(update(EV).where(EV.c.id == eid).values(followup_rule_id=rid))
            self._audit(conn, "justice.hearing_scheduled", "case", p.case_id,
                        {"proceeding": p.id, "event": eid, "rule": rid})
        return eid

    def move_hearing(self, event_id: int, on=None, *, at=None, time_zone: str | None = None) -> None:
        """Another date or time for a hearing; its reminder moves with it."""
        self._authorize("justice", "update")
        when = _hearing_when(self, on, at, time_zone)
        with self.record.transaction() as conn:
            e = conn.execute(select(EV).where(EV.c.id == event_id, EV.c.kind == "hearing")).first() \
                if _is_id(event_id) else None
            if e is None:
                raise NotFound(f"There is no hearing {event_id}.")
            p = _proceeding(conn, e.proceeding_id)
            if p.status == CLOSED:
                raise ValidationError("status", "This proceeding is closed.")
            conn.execute(update(EV).where(EV.c.id == e.id).values(**when))
            if e.followup_rule_id:
                rule = conn.execute(select(RULES).where(RULES.c.id == e.followup_rule_id)).first()
                change = ({"due_at": when["at_utc"], "time_zone": when["time_zone"]} if when["at_utc"]
                          else {"due_on": when["on_date"], "due_at": None})
                conn.execute(update(RULES).where(RULES.c.id == rule.id).values(
                    **clean_rule("court_date", change, new=False, current=rule), updated_at=utc_now_iso()))
                recompute(conn, RULES.c.id == rule.id)
            self._audit(conn, "justice.hearing_moved", "case", p.case_id, {"proceeding": p.id, "event": e.id})

    def set_child_participation(self, proceeding_id: int, **fields) -> None:
        """How the child took part and with whom: participation (justice_participation),
        special_measures (a list, replacing the one before), support_person_id or
        support_person_name, legal_representative, and the child's own view of the outcome
        (child_view: justice_child_views; child_view_words; child_view_on). Only the fields given
        change; None clears one."""
        self._authorize("justice", "update")
        allowed = {"participation", "special_measures", "support_person_id", "support_person_name",
                   "legal_representative", "child_view", "child_view_words", "child_view_on"}
        unknown = set(fields) - allowed
        if unknown or not fields:
            raise ValidationError(sorted(unknown)[0] if unknown else "fields",
                                  "is not a field of the child's part." if unknown else "Give a field to change.")
        data = {}
        if "participation" in fields:
            data["participation"] = vocab.check_code("justice_participation", "participation", fields["participation"])
        if "support_person_name" in fields:
            data["support_person_name"] = NAME.clean("support_person_name", fields["support_person_name"])
        if "legal_representative" in fields:
            data["legal_representative"] = NAME.clean("legal_representative", fields["legal_representative"])
        if "child_view" in fields:
            data["child_view"] = vocab.check_code("justice_child_views", "child_view", fields["child_view"])
        if "child_view_words" in fields:
            data["child_view_words"] = WORDS.clean("child_view_words", fields["child_view_words"])
        if "child_view_on" in fields:
            data["child_view_on"] = Date(not_future=True).clean("child_view_on", fields["child_view_on"])
        measures = None
        if "special_measures" in fields:
            raw = fields["special_measures"]
            if raw is not None and not isinstance(raw, (list, tuple)):
                raise ValidationError("special_measures", "give the measures as a list.")
            measures = vocab.check_codes("justice_special_measures", "special_measures", raw)
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id)
            if "support_person_id" in fields:
                sid = fields["support_person_id"]
                if sid is not None:
                    if not _is_id(sid):
                        raise ValidationError("support_person_id", "is not a valid reference.")
                    require_person(conn, sid)
                    if sid == p.offender_person_id:
                        raise ValidationError("support_person_id", "is the alleged offender.")
                data["support_person_id"] = sid
            if data:
                conn.execute(update(PR).where(PR.c.id == p.id).values(**data, updated_at=utc_now_iso()))
            if measures is not None:
                conn.execute(delete(SM).where(SM.c.proceeding_id == p.id))
                for m in measures:
                    conn.execute(insert(SM).values(proceeding_id=p.id, measure=m))
            self._audit(conn, "justice.child_part_set", "case", p.case_id,
                        {"proceeding": p.id, "fields": sorted(fields)})

    def set_release_date(self, proceeding_id: int, release_on) -> None:
        """The convicted offender's release date (after a sentence): a reminder to inform the
        child and family RELEASE_NOTICE_DAYS before it, unless they do not wish to be told."""
        self._authorize("justice", "update")
        release = Date(required=True).clean("release_on", release_on)
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id, closed_ok=True)
            if not conn.execute(select(EV.c.id).where(EV.c.proceeding_id == p.id, EV.c.kind == "sentence")).first():
                raise ValidationError("release_on", "A release date follows a sentence.")
            rid = _set_release(self, conn, p, release)
            self._audit(conn, "justice.release_date_set", "case", p.case_id, {"proceeding": p.id, "rule": rid})

    def set_release_wish(self, proceeding_id: int, wish: str, on) -> None:
        """Whether the child and family wish to be told of the offender's release (wish: a code of
        justice_release_wishes) and the day they said so. A criminal proceeding's; see RELEASE
        NOTIFICATION above for what it does to the reminder."""
        self._authorize("justice", "update")
        wish = vocab.check_code("justice_release_wishes", "wish", wish, required=True)
        on = Date(required=True, not_future=True).clean("on", on)
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id, closed_ok=True)
            if p.kind != "criminal":
                raise ValidationError("wish", "Release notification belongs to a criminal proceeding.")
            conn.execute(update(PR).where(PR.c.id == p.id).values(release_wish=wish, release_wish_on=on,
                                                                   updated_at=utc_now_iso()))
            if wish == NOT_WANTED:
                _decline_release_reminders(self, conn, p.id, on)
            elif p.release_on:
                _set_release(self, conn, _proceeding(conn, p.id, closed_ok=True), p.release_on)
            # the answer itself stays out of the audit trail (the administrator reads it)
            self._audit(conn, "justice.release_wish_set", "case", p.case_id,
                        {"proceeding": p.id, "fields": ["release_wish", "release_wish_on"]})

    def record_release_informed(self, proceeding_id: int, on) -> None:
        """The child and family were informed of the release: the reminder is completed."""
        self._authorize("justice", "update")
        on = Date(required=True, not_future=True).clean("on", on)
        with self.record.transaction() as conn:
            p = _proceeding(conn, proceeding_id, closed_ok=True)
            if p.release_on is None:
                raise ValidationError("on", "There is no release date to inform of.")
            if p.release_wish == NOT_WANTED:
                raise ValidationError("on", "The child and family said they do not wish to be told of the release. "
                                            "If they now wish it, record that first.")
            conn.execute(update(PR).where(PR.c.id == p.id).values(
                release_informed_on=on, release_informed_by=self.user_id, updated_at=utc_now_iso()))
            done = complete_occurrence(self, conn, p.release_rule_id, on)
            self._audit(conn, "justice.release_informed", "case", p.case_id,
                        {"proceeding": p.id, "rule_completed": done})

    # --- compensation ---------------------------------------------------------------------------
    def open_claim(self, case_id: int, route: str, claimant: str, *, currency: str,
                   child_person_id: int | None = None, amount_claimed: int | None = None,
                   claimant_person_id: int | None = None, representative: str | None = None,
                   proceeding_id: int | None = None, deadline_on=None) -> int:
        """A compensation claim of a child of the case. Its first status is "explained" when the
        right to compensation was explained to this child in this case, else
        "rights_not_explained"."""
        self._authorize("justice", "create")
        route = vocab.check_code("compensation_routes", "route", route, True)
        claimant = vocab.check_code("compensation_claimants", "claimant", claimant, True)
        currency = _currency(currency)
        claimed = _amount("amount_claimed", amount_claimed, required=False)
        representative = NAME.clean("representative", representative)
        deadline = Date().clean("deadline_on", deadline_on)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            child = _case_child(conn, case_id, child_person_id)
            if claimant_person_id is not None:
                if not _is_id(claimant_person_id):
                    raise ValidationError("claimant_person_id", "is not a valid reference.")
                require_person(conn, claimant_person_id)
            if proceeding_id is not None:
                pr = _proceeding(conn, proceeding_id, closed_ok=True)
                if pr.case_id != case_id:
                    raise ValidationError("proceeding_id", "is a proceeding of another case.")
            explained = conn.execute(select(RE.c.id).where(RE.c.case_id == case_id,
                                                           RE.c.child_person_id == child).limit(1)).first()
            status = "explained" if explained else "rights_not_explained"
            cid = conn.execute(insert(CL).values(
                case_id=case_id, child_person_id=child, route=route, proceeding_id=proceeding_id, claimant=claimant,
                claimant_person_id=claimant_person_id, representative=representative, status=status,
                currency=currency, amount_claimed=claimed, amount_paid=0, created_by=self.user_id, created_at=now,
                updated_at=now)).inserted_primary_key[0]
            conn.execute(insert(CE).values(claim_id=cid, status=status, on_date=now[:10], amount=claimed,
                                           by_user=self.user_id, at_utc=now))
            if deadline:
                _set_deadline(self, conn, conn.execute(select(CL).where(CL.c.id == cid)).first(), deadline)
            self._audit(conn, "justice.claim_opened", "case", case_id,
                        {"claim": cid, "route": route, "status": status})
        return cid

    def set_claim_status(self, claim_id: int, status: str, on, *, amount: int | None = None) -> None:
        """Move a claim along CLAIM_FLOW (module docstring). filed: amount = the sum claimed (if
        not given before); awarded / partly_awarded: amount = the sum awarded. A payment is
        record_payment."""
        self._authorize("justice", "update")
        status = vocab.check_code("compensation_statuses", "status", status, True)
        on = Date(required=True, not_future=True).clean("on", on)
        if status in ("paid", "partly_paid"):
            raise ValidationError("status", "Record a payment with its amount: the claim is then paid or partly paid.")
        with self.record.transaction() as conn:
            c = _claim(conn, claim_id)
            if status not in CLAIM_FLOW[c.status]:
                allowed = sorted(CLAIM_FLOW[c.status] | ({"paid", "partly_paid"} if c.status in PAYABLE else set()))
                raise ValidationError("status", f"A claim that is {c.status} cannot become {status}"
                                                + (f"; it can become {', '.join(allowed)}." if allowed
                                                   else ": it is final."))
            data: dict = {"status": status}
            step = None
            if status == "filed":
                claimed = _amount("amount", amount, required=c.amount_claimed is None) if amount is not None \
                    or c.amount_claimed is None else c.amount_claimed
                data.update(amount_claimed=claimed, filed_on=on)
                step = claimed
            elif status in ("awarded", "partly_awarded"):
                awarded = _amount("amount", amount)
                if status == "partly_awarded" and c.amount_claimed is not None and awarded >= c.amount_claimed:
                    raise ValidationError("amount", "A partial award is less than the sum claimed.")
                if awarded < c.amount_paid:
                    raise ValidationError("amount", "is less than what was already paid.")
                data.update(amount_awarded=awarded, decided_on=on)
                step = awarded
            elif amount is not None:
                raise ValidationError("amount", f"a claim becoming {status} has no amount.")
            elif status == "rejected":
                data["decided_on"] = on
            conn.execute(update(CL).where(CL.c.id == c.id).values(**data, updated_at=utc_now_iso()))
            conn.execute(insert(CE).values(claim_id=c.id, status=status, on_date=on, amount=step,
                                           by_user=self.user_id, at_utc=utc_now_iso()))
            done = complete_occurrence(self, conn, c.deadline_rule_id, on)
            self._audit(conn, "justice.claim_status_set", "case", c.case_id,
                        {"claim": c.id, "status": status, **({"rule_completed": True} if done else {})})

    def record_payment(self, claim_id: int, amount: int, on) -> None:
        """A payment to the child on an awarded claim: paid once the payments reach the award,
        partly paid before. Never more than the award."""
        self._authorize("justice", "update")
        amount = _amount("amount", amount)
        on = Date(required=True, not_future=True).clean("on", on)
        with self.record.transaction() as conn:
            c = _claim(conn, claim_id)
            if c.status not in PAYABLE:
                raise ValidationError("status", f"A claim that is {c.status} takes no payment: only an awarded "
                                                "(or partly awarded, or partly paid) one does.")
            paid = c.amount_paid + amount
            if paid > c.amount_awarded:
                raise ValidationError("amount", f"would make the payments {paid} of an award of {c.amount_awarded} "
                                                f"({c.currency} minor units).")
            status = "paid" if paid == c.amount_awarded else "partly_paid"
            conn.execute(update(CL).where(CL.c.id == c.id).values(status=status, amount_paid=paid, paid_on=on,
                                                                  updated_at=utc_now_iso()))
            conn.execute(insert(CE).values(claim_id=c.id, status=status, on_date=on, amount=amount,
                                           by_user=self.user_id, at_utc=utc_now_iso()))
            complete_occurrence(self, conn, c.deadline_rule_id, on)
            self._audit(conn, "justice.payment_recorded", "case", c.case_id, {"claim": c.id, "status": status})

    def set_claim_deadline(self, claim_id: int, deadline_on) -> None:
        """A deadline of the claim (to file, to appeal): a compensation-deadline reminder of the
        liaison, completed by the claim's next step; a new date moves it."""
        self._authorize("justice", "update")
        deadline = Date(required=True).clean("deadline_on", deadline_on)
        with self.record.transaction() as conn:
            c = _claim(conn, claim_id)
            if not CLAIM_FLOW[c.status] and c.status not in PAYABLE:
                raise ValidationError("deadline_on", f"This claim is {c.status}: it has no next step.")
            rid = _set_deadline(self, conn, c, deadline)
            self._audit(conn, "justice.claim_deadline_set", "case", c.case_id, {"claim": c.id, "rule": rid})

    def record_rights_explained(self, case_id: int, stage: str, on, *, child_person_id: int | None = None) -> int:
        """The right to compensation was explained to the child and family (stage:
        rights_explained_stages). Completes that stage's open checkpoint reminders of the child in
        the case (stage "other": every open one), and moves the child's claims that wait for it
        to "explained"."""
        self._authorize("justice", "update")
        stage = vocab.check_code("rights_explained_stages", "stage", stage, True)
        on = Date(required=True, not_future=True).clean("on", on)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            child = _case_child(conn, case_id, child_person_id)
            rid = conn.execute(insert(RE).values(case_id=case_id, child_person_id=child, stage=stage, explained_on=on,
                                                 by_user=self.user_id, at_utc=utc_now_iso())).inserted_primary_key[0]
            kinds = {"after_interview": ("rights_after_interview",), "at_verdict": ("rights_at_verdict",)}.get(
                stage, ("rights_after_interview", "rights_at_verdict"))
            completed = 0
            for (rule_id,) in conn.execute(select(RULES.c.id).where(
                    RULES.c.case_id == case_id, RULES.c.person_id == child, RULES.c.subject_kind.in_(kinds),
                    RULES.c.next_due.isnot(None))).all():
                completed += complete_occurrence(self, conn, rule_id, on)
            waiting = [i for (i,) in conn.execute(select(CL.c.id).where(
                CL.c.case_id == case_id, CL.c.child_person_id == child, CL.c.status == "rights_not_explained"))]
            for cid in waiting:
                conn.execute(update(CL).where(CL.c.id == cid).values(status="explained", updated_at=utc_now_iso()))
                conn.execute(insert(CE).values(claim_id=cid, status="explained", on_date=on, by_user=self.user_id,
                                               at_utc=utc_now_iso()))
            self._audit(conn, "justice.rights_explained", "case", case_id,
                        {"record": rid, "stage": stage, "rules_completed": completed, "claims": waiting})
        return rid

    def _interview_held(self, conn, case_id: int, child_person_id: int, on: str) -> None:
        """A forensic interview was recorded as held: the child's "rights explained after the
        interview" checkpoint falls due RIGHTS_DAYS later (once per child and case)."""
        if not _rights_rule_exists(conn, case_id, child_person_id, "rights_after_interview", None):
            _rights_rule(self, conn, case_id, child_person_id, "rights_after_interview", None, on)
        super()._interview_held(conn, case_id, child_person_id, on)

    # --- reading --------------------------------------------------------------------------------
    def justice_summary(self, case_id: int) -> dict:
        """The case's justice track and compensation: {"proceedings": [...], "claims": [...],
        "rights_explained": [...], "counts": {proceedings, open, claims, paid}, "line": a one-line
        summary of the counts}. Each proceeding with its events
        (oldest first), charges, special measures, the child's part, the release notification,
        and the limitation of its alleged offence ({"offence_id", "state", "expires_on",
        "warn_on", "reminder_due"} or None). Names of persons only to users who may read persons."""
        self._authorize("justice", "read")
        names = self.can("person", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            out = _summary(conn, case_id, names)
            self._audit(conn, "justice.summary_read", "case", case_id,
                        {"proceedings": len(out["proceedings"]), "claims": len(out["claims"])})
        return out

    def justice_status(self, case_id: int) -> dict:
        """The case's summary line only, for every role that reads the case: {"case_id",
        "counts": {proceedings, open, claims, paid}, "line"}. No proceeding, charge, date or
        amount (those are justice.read: the liaison and the case lead)."""
        self._authorize("case", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            counts = _counts(conn.execute(select(PR.c.status).where(PR.c.case_id == case_id)).scalars().all(),
                             conn.execute(select(CL.c.status).where(CL.c.case_id == case_id)).scalars().all())
            self._audit(conn, "justice.status_read", "case", case_id, {})
        return {"case_id": case_id, "counts": counts, "line": _line(counts)}

    def liaison_today(self, as_of, days: int = TODAY_DAYS) -> dict:
        """What the liaison follows, across cases: "hearings" from as_of to as_of + days;
        "decisions_due" (criminal proceedings waiting for a charge decision or a verdict, longest
        waiting first, with the date they have waited since); "release_dates" (release dates not
        yet informed of, with the day the reminder falls due and the family's wish, None while
        not asked, never "not_wanted"); "compensation_deadlines" (open
        claim deadlines up to as_of + days, overdue ones however old) and the rights-explained
        checkpoints due by then. Case references, codes, dates and ids: no names, no text."""
        self._authorize("justice", "read")
        today = Date(required=True).clean("as_of", as_of)
        check_count("days", days, 0, 3660)
        until = (date.fromisoformat(today) + timedelta(days=days)).isoformat()
        with self.record.transaction() as conn:
            hearings = [{"event_id": r[0], "proceeding_id": r[1], "on": r[2], "at_utc": r[3], "time_zone": r[4],
                         "case_id": r[5], "case_reference": r[6], "kind": r[7]}
                        for r in conn.execute(select(EV.c.id, EV.c.proceeding_id, EV.c.on_date, EV.c.at_utc,
                                                     EV.c.time_zone, PR.c.case_id, C.c.reference, PR.c.kind)
                                              .join(PR, PR.c.id == EV.c.proceeding_id).join(C, C.c.id == PR.c.case_id)
                                              .where(EV.c.kind == "hearing", EV.c.on_date >= today,
                                                     EV.c.on_date <= until, PR.c.status != CLOSED)
                                              .order_by(EV.c.on_date, EV.c.at_utc, EV.c.id))]
            waiting = {"reported": "charge_decision", "investigating": "charge_decision", "indicted": "verdict"}
            last = select(EV.c.proceeding_id, EV.c.on_date).where(EV.c.kind != "hearing").subquery()
            decisions = []
            for r in conn.execute(select(PR.c.id, PR.c.case_id, C.c.reference, PR.c.status,
                                         select(last.c.on_date).where(last.c.proceeding_id == PR.c.id)
                                         .order_by(last.c.on_date.desc()).limit(1).scalar_subquery())
                                  .join(C, C.c.id == PR.c.case_id)
                                  .where(PR.c.kind == "criminal", PR.c.status.in_(tuple(waiting)))):
                decisions.append({"proceeding_id": r[0], "case_id": r[1], "case_reference": r[2], "status": r[3],
                                  "waiting_for": waiting[r[3]], "since": r[4]})
            decisions.sort(key=lambda d: (d["since"] or "", d["proceeding_id"]))
            releases = []
            for r in conn.execute(select(PR.c.id, PR.c.case_id, C.c.reference, PR.c.release_on, PR.c.release_wish)
                                  .join(C, C.c.id == PR.c.case_id)
                                  .where(PR.c.release_on.isnot(None), PR.c.release_informed_on.is_(None),
                                         func.coalesce(PR.c.release_wish, "") != NOT_WANTED)
                                  .order_by(PR.c.release_on, PR.c.id)):
                inform = (date.fromisoformat(r[3]) - timedelta(days=RELEASE_NOTICE_DAYS)).isoformat()
                if inform <= until:
                    releases.append({"proceeding_id": r[0], "case_id": r[1], "case_reference": r[2],
                                     "release_on": r[3], "inform_by": inform, "wish": r[4]})
            deadlines = [{"claim_id": r[0], "case_id": r[1], "case_reference": r[2], "status": r[3],
                          "due": r[4], "kind": "claim_deadline"}
                         for r in conn.execute(select(CL.c.id, CL.c.case_id, C.c.reference, CL.c.status, RULES.c.next_due)
                                               .join(C, C.c.id == CL.c.case_id)
                                               .join(RULES, RULES.c.id == CL.c.deadline_rule_id)
                                               .where(RULES.c.next_due.isnot(None), RULES.c.next_due <= until))]
            deadlines += [{"rule_id": r[0], "case_id": r[1], "case_reference": r[2], "person_id": r[3],
                           "due": r[4], "kind": r[5]}
                          for r in conn.execute(select(RULES.c.id, RULES.c.case_id, C.c.reference, RULES.c.person_id,
                                                       RULES.c.next_due, RULES.c.subject_kind)
                                                .join(C, C.c.id == RULES.c.case_id)
                                                .where(RULES.c.next_due.isnot(None), RULES.c.next_due <= until,
                                                       RULES.c.subject_kind.in_(("rights_after_interview",
                                                                                 "rights_at_verdict"))))]
            deadlines.sort(key=lambda d: (d["due"], d["case_reference"]))
            out = {"as_of": today, "until": until, "hearings": hearings, "decisions_due": decisions,
                   "release_dates": releases, "compensation_deadlines": deadlines}
            self._audit(conn, "justice.today_read", None, None,
                        {"as_of": today, **{k: len(v) for k, v in out.items() if isinstance(v, list)}})
        return out


# --- reading helpers (the court summary reads the same) ---------------------------------------------

def _summary(conn, case_id: int, names: bool) -> dict:
    procs = conn.execute(select(PR).where(PR.c.case_id == case_id).order_by(PR.c.id)).all()
    ids = [p.id for p in procs]
    events: dict[int, list] = {i: [] for i in ids}
    charges: dict[int, list] = {i: [] for i in ids}
    measures: dict[int, list] = {i: [] for i in ids}
    if ids:
        for e in conn.execute(select(EV).where(EV.c.proceeding_id.in_(ids)).order_by(EV.c.on_date, EV.c.id)):
            events[e.proceeding_id].append({k: getattr(e, k) for k in (
                "id", "kind", "on_date", "at_utc", "time_zone", "decision", "reason", "charge_id", "outcome",
                "followup_rule_id")})
        for c in conn.execute(select(CH).where(CH.c.proceeding_id.in_(ids)).order_by(CH.c.id)):
            charges[c.proceeding_id].append({k: getattr(c, k) for k in ("id", "category", "offence_id", "verdict",
                                                                         "verdict_on")})
        for pid, m in conn.execute(select(SM.c.proceeding_id, SM.c.measure).where(SM.c.proceeding_id.in_(ids))
                                   .order_by(SM.c.measure)):
            measures[pid].append(m)
    people = {x for p in procs for x in (p.offender_person_id, p.child_person_id, p.support_person_id) if x}
    who = {}
    if names and people:
        who = {i: f"{g} {f or ''}".strip() for i, g, f in conn.execute(
            select(P.c.id, P.c.given_name, P.c.family_name).where(P.c.id.in_(sorted(people))))}
    limits = _limitations(conn, [p.offence_id for p in procs if p.offence_id])
    rules = {}
    rule_ids = [p.release_rule_id for p in procs if p.release_rule_id]
    if rule_ids:
        rules = dict(conn.execute(select(RULES.c.id, RULES.c.next_due).where(RULES.c.id.in_(rule_ids))).all())
    out_p = []
    for p in procs:
        out_p.append({
            "id": p.id, "kind": p.kind, "status": p.status, "child_person_id": p.child_person_id,
            "child_name": who.get(p.child_person_id), "offender_person_id": p.offender_person_id,
            "offender_name": who.get(p.offender_person_id), "offence_id": p.offence_id,
            "police_reference": p.police_reference, "court_reference": p.court_reference,
            "closed_on": p.closed_on, "events": events[p.id], "charges": charges[p.id],
            "child_part": {"participation": p.participation, "special_measures": measures[p.id],
                           "support_person_id": p.support_person_id,
                           "support_person_name": p.support_person_name or who.get(p.support_person_id),
                           "legal_representative": p.legal_representative, "child_view": p.child_view,
                           "child_view_words": p.child_view_words, "child_view_on": p.child_view_on},
            "release": {"release_on": p.release_on,
                        "inform_by": rules.get(p.release_rule_id),
                        "informed_on": p.release_informed_on} if p.release_on else None,
            "release_wish": {"wish": p.release_wish, "on": p.release_wish_on} if p.release_wish else None,
            "limitation": limits.get(p.offence_id),
        })
    claims = [dict(c._mapping) for c in conn.execute(select(CL).where(CL.c.case_id == case_id).order_by(CL.c.id))]
    cids = [c["id"] for c in claims]
    steps: dict[int, list] = {i: [] for i in cids}
    if cids:
        for e in conn.execute(select(CE).where(CE.c.claim_id.in_(cids)).order_by(CE.c.id)):
            steps[e.claim_id].append({"status": e.status, "on": e.on_date, "amount": e.amount})
    deadline_due = {}
    drules = [c["deadline_rule_id"] for c in claims if c["deadline_rule_id"]]
    if drules:
        deadline_due = dict(conn.execute(select(RULES.c.id, RULES.c.next_due).where(RULES.c.id.in_(drules))).all())
    for c in claims:
        c["steps"] = steps[c["id"]]
        c["deadline_due"] = deadline_due.get(c["deadline_rule_id"])
        for k in ("created_by", "created_at", "updated_at"):
            c.pop(k)
    rights = [{"stage": r.stage, "on": r.explained_on, "child_person_id": r.child_person_id}
              for r in conn.execute(select(RE).where(RE.c.case_id == case_id).order_by(RE.c.explained_on, RE.c.id))]
    counts = _counts([p["status"] for p in out_p], [c["status"] for c in claims])
    return {"case_id": case_id, "proceedings": out_p, "claims": claims, "rights_explained": rights,
            "counts": counts, "line": _line(counts)}


def _counts(proceeding_statuses: list, claim_statuses: list) -> dict:
    """What the summary line says of a case's proceedings (open: not closed) and claims (paid)."""
    return {"proceedings": len(proceeding_statuses), "open": sum(s != CLOSED for s in proceeding_statuses),
            "claims": len(claim_statuses), "paid": sum(s == "paid" for s in claim_statuses)}


def _line(counts: dict) -> str:
    """One neutral line for the case overview (never about whether the child took part); the GUI
    says the same from the counts in the user's language."""
    if not counts["proceedings"] and not counts["claims"]:
        return "No proceedings or compensation claims recorded."
    parts = []
    if counts["proceedings"]:
        parts.append(f"{counts['proceedings']} proceeding(s), {counts['open']} open")
    if counts["claims"]:
        parts.append(f"{counts['claims']} compensation claim(s), {counts['paid']} paid")
    return "; ".join(parts) + "."


def _limitations(conn, offence_ids) -> dict:
    ids = sorted(set(offence_ids))
    if not ids:
        return {}
    refresh_limitations(conn)
    table = limitations_table()
    out = {}
    for r in conn.execute(select(OF, P.c.date_of_birth, RULES.c.next_due).join(P, P.c.id == OF.c.victim_person_id)
                          .outerjoin(RULES, RULES.c.offence_id == OF.c.id).where(OF.c.id.in_(ids))):
        lim = compute_limitation(table, r.jurisdiction, r.category,
                                 date.fromisoformat(r.offence_date) if r.offence_date else None,
                                 date.fromisoformat(r.date_of_birth) if r.date_of_birth else None)
        out[r.id] = {"offence_id": r.id, "category": r.category, "state": lim.state,
                     "expires_on": lim.expires_on.isoformat() if lim.expires_on else None,
                     "warn_on": lim.warn_on.isoformat() if lim.warn_on else None, "reminder_due": r.next_due}
    return out


def case_justice(conn, case_id: int, names: bool = False) -> dict:
    """The justice summary of a case read inside a caller's transaction (the court summary)."""
    return _summary(conn, case_id, names)


# --- internals -------------------------------------------------------------------------------------

def _proceeding(conn, proceeding_id: int, closed_ok: bool = False):
    p = conn.execute(select(PR).where(PR.c.id == proceeding_id)).first() if _is_id(proceeding_id) else None
    if p is None:
        raise NotFound(f"There is no proceeding {proceeding_id}.")
    if p.status == CLOSED and not closed_ok:
        raise ValidationError("status", "This proceeding is closed: it takes no further event.")
    return p


def _claim(conn, claim_id: int):
    c = conn.execute(select(CL).where(CL.c.id == claim_id)).first() if _is_id(claim_id) else None
    if c is None:
        raise NotFound(f"There is no compensation claim {claim_id}.")
    return c


def _check_flow(p, kind: str) -> str | None:
    flow = CRIMINAL_FLOW if p.kind == "criminal" else OTHER_FLOW
    if kind not in flow:
        raise ValidationError("kind", f"A {p.kind.replace('_', ' ')} proceeding has no {kind.replace('_', ' ')}.")
    before, after = flow[kind]
    if p.status not in before:
        raise ValidationError("kind", f"A {kind.replace('_', ' ')} cannot follow where this proceeding stands "
                                      f"({p.status}); it can follow: {', '.join(sorted(before))}.")
    return after


def _case_child(conn, case_id: int, child_person_id: int | None) -> int:
    children = [r[0] for r in conn.execute(select(CC.c.person_id).where(CC.c.case_id == case_id).order_by(CC.c.person_id))]
    if child_person_id is None:
        if len(children) != 1:
            raise ValidationError("child_person_id", "choose the child of the case." if children
                                  else "add the child to the case first.")
        return children[0]
    if child_person_id not in children:
        raise ValidationError("child_person_id", "is not a child of this case.")
    return child_person_id


def _check_offender(conn, case_id: int, person_id) -> None:
    if not _is_id(person_id):
        raise ValidationError("offender_person_id", "is not a valid reference.")
    if conn.execute(select(CC.c.person_id).where(CC.c.person_id == person_id).limit(1)).first():
        raise ValidationError("offender_person_id", "is a child in a case: a child is never an offender here.")
    if not conn.execute(select(CP.c.person_id).where(CP.c.case_id == case_id, CP.c.person_id == person_id,
                                                     CP.c.party_role == "alleged_offender")).first():
        raise ValidationError("offender_person_id", "is not an alleged offender of this case: add them to the "
                                                    "case in that role first.")


def _check_offence(conn, case_id: int, offence_id) -> None:
    if offence_id is None:
        return
    if not _is_id(offence_id) or not conn.execute(select(OF.c.id).where(OF.c.id == offence_id,
                                                                        OF.c.case_id == case_id)).first():
        raise ValidationError("offence_id", "is not an alleged offence of this case.")


def _clean_charges(charges) -> list[dict]:
    if not isinstance(charges, (list, tuple)) or not charges or len(charges) > 50:
        raise ValidationError("charges", "name the charges as a list (1 to 50).")
    out = []
    for i, c in enumerate(charges):
        if isinstance(c, str):
            c = {"category": c}
        if not isinstance(c, dict) or set(c) - {"category", "offence_id"}:
            raise ValidationError("charges", f"charge {i + 1}: give {{category, offence_id (optional)}}.")
        out.append({"category": vocab.check_code("offence_categories", "charges", c.get("category"), True),
                    "offence_id": c.get("offence_id")})
    return out


def _currency(code) -> str:
    if not isinstance(code, str) or not _CURRENCY.match(code):
        raise ValidationError("currency", "give the ISO 4217 code in three capital letters, e.g. SEK or EUR.")
    return code


def _hearing_when(session, on, at, time_zone) -> dict:
    if (on in (None, "")) == (at in (None, "")):
        raise ValidationError("on", "give the hearing's date, or its date and time (at), one of them.")
    if at not in (None, ""):
        zone = time_zone or session.centre_zone()
        zone_info(zone)
        utc = local_to_utc("at", at, zone)
        s = to_utc_iso(utc)
        return {"on_date": local_date(s, zone).isoformat(), "at_utc": s, "time_zone": zone}
    if time_zone is not None:
        raise ValidationError("time_zone", "only a hearing with a time has a time zone.")
    return {"on_date": Date(required=True).clean("on", on), "at_utc": None, "time_zone": None}


def _liaison_rule(session, conn, person_id: int, case_id: int, kind: str, due: str, subject_kind: str,
                  subject_id: int | None) -> int:
    values = {"due_on": due, "discipline": "liaison", "subject_kind": subject_kind}
    if subject_id is not None:
        values["subject_id"] = subject_id
    return insert_rule(session, conn, person_id, case_id, kind, clean_rule(kind, values, new=True))


def _move_rule(conn, rule_id: int, due: str) -> None:
    conn.execute(update(RULES).where(RULES.c.id == rule_id).values(due_on=due, updated_at=utc_now_iso()))
    recompute(conn, RULES.c.id == rule_id)


def _set_release(session, conn, p, release: str) -> int | None:
    """The release date, and the reminder to inform the child and family RELEASE_NOTICE_DAYS before
    it: the open reminder moves to a new date; a new one is made when none is open and they are
    still to be told (not told of this date); none while they do not wish to be told. Returns the
    open reminder's rule id, or None."""
    due = (date.fromisoformat(release) - timedelta(days=RELEASE_NOTICE_DAYS)).isoformat()
    changed = release != p.release_on
    to_tell = p.release_wish != NOT_WANTED and (changed or p.release_informed_on is None)
    rid = p.release_rule_id if _rule_open(conn, p.release_rule_id) else None
    if to_tell and rid is None:
        rid = _liaison_rule(session, conn, p.child_person_id, p.case_id, "action_item", due, "justice_release", p.id)
    elif to_tell and changed:
        _move_rule(conn, rid, due)
    conn.execute(update(PR).where(PR.c.id == p.id).values(
        release_on=release, release_rule_id=rid or p.release_rule_id, updated_at=utc_now_iso(),
        **({"release_informed_on": None, "release_informed_by": None} if changed else {})))
    return rid


def _rule_open(conn, rule_id: int | None) -> bool:
    """Whether a reminder a feature made still has an open occurrence."""
    return rule_id is not None and bool(decode_pending(
        conn.execute(select(RULES.c.pending).where(RULES.c.id == rule_id)).scalar()))


def _decline_release_reminders(session, conn, proceeding_id: int, on: str) -> int:
    """The family do not wish to be told (they said so on `on`): every open occurrence of the
    proceeding's release reminders is declined with that reason (the plan's history says why).
    How many were open."""
    declined = 0
    for rule in conn.execute(select(RULES).where(RULES.c.subject_kind == "justice_release",
                                                 RULES.c.subject_id == proceeding_id)).all():
        for occurrence, _due, _flag in recompute(conn, RULES.c.id == rule.id)[rule.id][1]:
            reminder_event_in(session, conn, rule, "declined", occurrence, on, None, RELEASE_NOT_WANTED_REASON,
                              audit=False)
            declined += 1
    return declined


def _set_deadline(session, conn, c, deadline: str) -> int:
    rid = c.deadline_rule_id
    if not _rule_open(conn, rid):
        rid = _liaison_rule(session, conn, c.child_person_id, c.case_id, "compensation_deadline", deadline,
                            "compensation_claim", c.id)
    else:
        _move_rule(conn, rid, deadline)
    conn.execute(update(CL).where(CL.c.id == c.id).values(deadline_on=deadline, deadline_rule_id=rid,
                                                          updated_at=utc_now_iso()))
    return rid


def _rights_rule_exists(conn, case_id: int, child: int, subject_kind: str, subject_id: int | None) -> bool:
    q = select(RULES.c.id).where(RULES.c.case_id == case_id, RULES.c.person_id == child,
                                 RULES.c.subject_kind == subject_kind)
    if subject_id is not None:
        q = q.where(RULES.c.subject_id == subject_id)
    return conn.execute(q.limit(1)).first() is not None


def _rights_rule(session, conn, case_id: int, child: int, subject_kind: str, subject_id: int | None, on: str) -> int:
    due = (date.fromisoformat(on) + timedelta(days=RIGHTS_DAYS)).isoformat()
    return _liaison_rule(session, conn, child, case_id, "action_item", due, subject_kind, subject_id)


__all__ = ["JusticeActions", "case_justice", "RELEASE_NOTICE_DAYS", "RIGHTS_DAYS", "CLAIM_FLOW", "CRIMINAL_FLOW",
           "allowed_events", "claim_next_statuses", "takes_payment"]
