"""Referrals between agencies (Session mixin): out to a service (vocabulary referral_services) or
in to the centre, their status flow, outcome and due dates, and what they shared with the
receiving agency (rows of the disclosure register, `disclosures`, with the legal basis for
sharing: a code of sharing_legal_bases, about the information and never the child's consent).

Status flow: TRANSITIONS below is the one table of it; every step is a referral_events row.
    draft -> sent | revoked
    sent -> accepted | rejected (rejection_reason required) | revoked
    accepted -> engaged | revoked
    engaged -> done (an outcome required: successful, or not_successful with a code of
               referral_outcome_reasons) | lost_to_follow_up
done, rejected, revoked and lost_to_follow_up are closed (closed_on is the step's date).
A draft may be revoked (withdrawn before it was ever sent) so that no draft stays open forever.

Where a referral starts: an "out" referral starts as a draft (the centre writes it, then sends
it). An "in" referral (the one that opened the case, or a later one) starts as "sent": it has been
received, sent_on is the day it came (`on`), and the centre then accepts, rejects or lets it be
revoked like any sent referral.

Due dates: due_on is by when the NEXT step is expected (an answer to a sent referral, the first
appointment of an accepted one...). Each status change sets it anew (the due_on given, or none);
a closed referral has none. Overdue: open (not closed) and due_on < as_of. overdue_referrals shows
the overdue referrals of the cases the user LEADS (Today).

Who (policy kind "referral"): coordinators create and update any referral; therapists and
medical staff create referrals and update (status, sharing) only those they created (they refer
within their field and follow theirs; the service they refer to is not limited by role);
interviewers and the liaison read. Every reader reads every
referral, as every case reader reads every case. The rule is `may_update` below.

A referral may come from a team action of the same case (from_action_id)."""
from __future__ import annotations

import json

from sqlalchemy import and_, insert, or_, select, update

from barnahus_app import policy, vocab
from barnahus_app.cases.actions import resolve_case
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.documents.tables import Disclosure, IssuedDocument
from barnahus_app.errors import NotFound, PermissionDenied, ValidationError
from barnahus_app.fields import DISCLOSURE_FIELDS, Code, Date, Ref, Text, check_count, clean
from barnahus_app.followup.actions import local_today
from barnahus_app.meetings.actions import case_meeting_ids
from barnahus_app.meetings.tables import TeamAction
from barnahus_app.persons.tables import Agency, Person, StaffContact
from barnahus_app.referrals.tables import STATUSES, Referral, ReferralEvent
from barnahus_app.session_base import SessionBase
from barnahus_app.timeutil import check_datetime, utc_now_iso
from barnahus_app.users.tables import User

RF = Referral.__table__
EV = ReferralEvent.__table__
DIS = Disclosure.__table__
DOC = IssuedDocument.__table__
C = Case.__table__
CC = CaseChild.__table__
A = Agency.__table__
S = StaffContact.__table__
P = Person.__table__
U = User.__table__
TA = TeamAction.__table__

DIRECTIONS = ("in", "out")
RISK_LEVELS = ("high", "medium", "low", "no_action")
OUTCOMES = ("successful", "not_successful")
CLOSED = ("done", "rejected", "revoked", "lost_to_follow_up")
FIRST_STATUS = {"out": "draft", "in": "sent"}
# The status flow: from each status, the statuses it may become (and nothing else).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("sent", "revoked"),
    "sent": ("accepted", "rejected", "revoked"),
    "accepted": ("engaged", "revoked"),
    "engaged": ("done", "lost_to_follow_up"),
    "done": (),
    "rejected": (),
    "revoked": (),
    "lost_to_follow_up": (),
}
MAX_SHARED_DOCUMENTS = 100

REFERRAL_FIELDS = {
    "service": Code("referral_services", required=True),
    "child_person_id": Ref("persons"),
    "agency_id": Ref("agencies"),
    "contact_id": Ref("staff_contacts"),
    "reason": Text(4000, multiline=True),
    "due_on": Date(),
    "from_action_id": Ref("team_actions"),
    "on": Date(not_future=True),
}
STATUS_FIELDS = {
    "on": Date(not_future=True),
    "note": Text(2000, multiline=True),
    "rejection_reason": Text(2000, multiline=True),
    "outcome_reason": Code("referral_outcome_reasons"),
    "outcome_note": Text(2000, multiline=True),
    "due_on": Date(),
}


def is_open(status: str) -> bool:
    return status not in CLOSED


def may_update(roles, user_id: int, created_by: int) -> bool:
    """Who may change a referral (its status, what it shared), given the "referral" update grant:
    a coordinator any; anyone else only the referrals they created."""
    return policy.Role.COORDINATOR.value in roles or created_by == user_id


def check_step(from_status: str, to_status, *, rejection_reason, outcome, outcome_reason,
               outcome_note, due_on) -> None:
    """The status flow's rules for one step (values already cleaned): raises ValidationError."""
    if to_status not in STATUSES:
        raise ValidationError("to_status", f"'{str(to_status)[:40]}' is not a referral status.")
    allowed = TRANSITIONS[from_status]
    if to_status not in allowed:
        raise ValidationError("to_status", (
            f"a referral that is {from_status} is closed and cannot become {to_status}." if not allowed else
            f"a referral that is {from_status} cannot become {to_status}; it can become {' or '.join(allowed)}."))
    if to_status == "rejected" and not rejection_reason:
        raise ValidationError("rejection_reason", "is required to reject a referral.")
    if to_status != "rejected" and rejection_reason:
        raise ValidationError("rejection_reason", "is only for a rejected referral.")
    if to_status == "done":
        if outcome is None:
            raise ValidationError("outcome", "is required to close a referral as done: successful or not_successful.")
        if outcome not in OUTCOMES:
            raise ValidationError("outcome", f"'{str(outcome)[:40]}' is neither successful nor not_successful.")
        if outcome == "not_successful" and not outcome_reason:
            raise ValidationError("outcome_reason", "is required when a referral was not successful.")
        if outcome == "successful" and outcome_reason:
            raise ValidationError("outcome_reason", "is only for a referral that was not successful.")
    elif outcome is not None or outcome_reason or outcome_note:
        raise ValidationError("outcome", "is only for a referral closed as done.")
    if to_status in CLOSED and due_on:
        raise ValidationError("due_on", "a closed referral has no due date.")


def _listing():
    return (select(RF.c.id, RF.c.case_id, C.c.reference.label("case_reference"), RF.c.direction,
                   RF.c.service, RF.c.status, RF.c.due_on, RF.c.sent_on, RF.c.closed_on, RF.c.outcome,
                   RF.c.outcome_reason, RF.c.risk_level, RF.c.agency_id, A.c.name.label("agency"),
                   RF.c.from_action_id, RF.c.created_by)
            .join(C, C.c.id == RF.c.case_id).outerjoin(A, A.c.id == RF.c.agency_id))


def _overdue(as_of: str):
    return and_(RF.c.status.not_in(CLOSED), RF.c.due_on.is_not(None), RF.c.due_on < as_of)


def _rows(conn, query, as_of: str) -> list[dict]:
    out = []
    for r in conn.execute(query):
        d = dict(r._mapping)
        d["overdue"] = is_open(d["status"]) and d["due_on"] is not None and d["due_on"] < as_of
        out.append(d)
    return out


def case_referral_rows(conn, case_id: int) -> list[dict]:
    """The referrals of a case, oldest first, for the court summary (no session, no audit, inside
    the caller's transaction): service and outcome_reason are codes, agency a name or None."""
    q = (select(RF.c.service, RF.c.direction, A.c.name.label("agency"), RF.c.status, RF.c.sent_on,
                RF.c.closed_on, RF.c.outcome, RF.c.outcome_reason)
         .outerjoin(A, A.c.id == RF.c.agency_id).where(RF.c.case_id == case_id).order_by(RF.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def _require_referral(conn, referral_id):
    check_count("referral_id", referral_id, 1)
    row = conn.execute(select(RF).where(RF.c.id == referral_id)).first()
    if row is None:
        raise NotFound(f"There is no referral {referral_id}.")
    return row


def _exists(conn, table, row_id, what: str):
    row = conn.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(f"There is no {what} {row_id}.")
    return row


class ReferralActions(SessionBase):
    # --- writing -----------------------------------------------------------------------------
    def create_referral(self, case_id, direction, service, *, child_person_id=None, agency_id=None,
                        contact_id=None, reason=None, risk_level=None, due_on=None, from_action_id=None,
                        on=None) -> int:
        """A new referral of a case (by id or reference): "out" starts as a draft, "in" as sent
        (received on `on`, default today). Returns its id."""
        self._authorize("referral", "create")
        if direction not in DIRECTIONS:
            raise ValidationError("direction", "is in or out.")
        if risk_level is not None and risk_level not in RISK_LEVELS:
            raise ValidationError("risk_level", f"is one of {', '.join(RISK_LEVELS)}.")
        data = clean(REFERRAL_FIELDS, dict(
            service=service, child_person_id=child_person_id, agency_id=agency_id, contact_id=contact_id,
            reason=reason, due_on=due_on, from_action_id=from_action_id, on=on))
        day = data.pop("on") or local_today(self.centre_zone()).isoformat()
        status = FIRST_STATUS[direction]
        now = utc_now_iso()
        with self.record.transaction() as conn:
            cid = resolve_case(conn, case_id)
            if data["child_person_id"] is not None and conn.execute(select(CC.c.person_id).where(
                    CC.c.case_id == cid, CC.c.person_id == data["child_person_id"])).first() is None:
                raise ValidationError("child_person_id", "is not a child of this case.")
            if data["agency_id"] is not None:
                _exists(conn, A, data["agency_id"], "agency")
            if data["contact_id"] is not None:
                contact = _exists(conn, S, data["contact_id"], "staff contact")
                if data["agency_id"] is None:
                    data["agency_id"] = contact.agency_id
                elif contact.agency_id != data["agency_id"]:
                    raise ValidationError("contact_id", "works for another agency than the referral's.")
            if data["from_action_id"] is not None:
                action = _exists(conn, TA, data["from_action_id"], "team action")
                if action.case_id != cid:
                    raise ValidationError("from_action_id", "is an action of another case.")
            rid = conn.execute(insert(RF).values(
                case_id=cid, direction=direction, risk_level=risk_level, status=status,
                sent_on=day if status == "sent" else None, created_by=self.user_id, created_at=now,
                updated_at=now, **data)).inserted_primary_key[0]
            conn.execute(insert(EV).values(referral_id=rid, from_status=None, to_status=status, on_date=day,
                                           by_user=self.user_id, at_utc=now))
            self._audit(conn, "referral.created", "case", cid,
                        {"referral": rid, "direction": direction, "service": data["service"], "status": status})
        return rid

    def set_referral_status(self, referral_id: int, to_status: str, *, on=None, note=None,
                            rejection_reason=None, outcome=None, outcome_reason=None, outcome_note=None,
                            due_on=None) -> None:
        """One step of the status flow (TRANSITIONS), on a date (default today; not before the
        referral's last step), with the next step's due date (none once closed)."""
        self._authorize("referral", "update")
        data = clean(STATUS_FIELDS, dict(on=on, note=note, rejection_reason=rejection_reason,
                                         outcome_reason=outcome_reason, outcome_note=outcome_note, due_on=due_on))
        day = data["on"] or local_today(self.centre_zone()).isoformat()
        now = utc_now_iso()
        with self.record.transaction() as conn:
            row = self._referral_to_update(conn, referral_id)
            check_step(row.status, to_status, rejection_reason=data["rejection_reason"], outcome=outcome,
                       outcome_reason=data["outcome_reason"], outcome_note=data["outcome_note"],
                       due_on=data["due_on"])
            last = conn.execute(select(EV.c.on_date).where(EV.c.referral_id == row.id)
                                .order_by(EV.c.id.desc()).limit(1)).scalar()
            if last and day < last:
                raise ValidationError("on", f"is before the referral's last step ({last}).")
            values = dict(status=to_status, due_on=data["due_on"], updated_at=now)
            if to_status == "sent":
                values["sent_on"] = day
            if to_status in CLOSED:
                values["closed_on"] = day
            if to_status == "rejected":
                values["rejection_reason"] = data["rejection_reason"]
            if to_status == "done":
                values.update(outcome=outcome, outcome_reason=data["outcome_reason"],
                              outcome_note=data["outcome_note"])
            conn.execute(update(RF).where(RF.c.id == row.id).values(**values))
            conn.execute(insert(EV).values(referral_id=row.id, from_status=row.status, to_status=to_status,
                                           on_date=day, note=data["note"], by_user=self.user_id, at_utc=now))
            detail = {"referral": row.id, "from": row.status, "to": to_status}
            if to_status == "done":
                detail.update(outcome=outcome, outcome_reason=data["outcome_reason"])
            self._audit(conn, "referral.status_set", "case", row.case_id, detail)

    def record_referral_sharing(self, referral_id: int, *, items, legal_basis, recipient, undertaking,
                                recipient_agency_id=None, document_ids=(), method=None,
                                disclosed_at=None) -> list[int]:
        """What a referral shared with the receiving agency, in the disclosure register: one row
        per issued document of the referral's case (by its document id, e.g. D-20260304-1A2B3C4D)
        and one for the data items (codes of shareable_items), each with the legal basis for
        sharing (a code of sharing_legal_bases). Returns the disclosures' ids."""
        self._authorize("referral", "update")
        data = clean(DISCLOSURE_FIELDS, dict(recipient=recipient, undertaking=undertaking, method=method))
        basis = vocab.check_code("sharing_legal_bases", "legal_basis", legal_basis, required=True)
        if isinstance(items, str) or not isinstance(items, (list, tuple)):
            raise ValidationError("items", "is a list of codes of shareable_items.")
        codes = vocab.check_codes("shareable_items", "items", items)
        if isinstance(document_ids, str) or not isinstance(document_ids, (list, tuple)):
            raise ValidationError("document_ids", "is a list of document ids.")
        if len(document_ids) > MAX_SHARED_DOCUMENTS:
            raise ValidationError("document_ids", f"names more than {MAX_SHARED_DOCUMENTS} documents.")
        docs = []
        for d in document_ids:
            if not isinstance(d, str) or not d.strip() or len(d) > 40:
                raise ValidationError("document_ids", "holds something that is not a document id.")
            if d.strip() not in docs:
                docs.append(d.strip())
        if not codes and not docs:
            raise ValidationError("items", "name at least one data item or document that was shared.")
        if recipient_agency_id is not None:
            check_count("recipient_agency_id", recipient_agency_id, 1)
        when = check_datetime("disclosed_at", disclosed_at) or utc_now_iso()
        now = utc_now_iso()
        with self.record.transaction() as conn:
            row = self._referral_to_update(conn, referral_id)
            if recipient_agency_id is not None:
                _exists(conn, A, recipient_agency_id, "agency")
            found = []
            for d in docs:
                doc = conn.execute(select(DOC.c.id, DOC.c.case_id).where(DOC.c.document_id == d)).first()
                if doc is None:
                    raise NotFound(f"There is no issued document {d}.")
                if doc.case_id != row.case_id:
                    raise ValidationError("document_ids", f"{d} was not issued for this referral's case.")
                found.append(doc.id)
            common = dict(referral_id=row.id, legal_basis=basis, recipient_agency_id=recipient_agency_id,
                          disclosed_at=when, recorded_by=self.user_id, recorded_at=now, **data)
            ids = [conn.execute(insert(DIS).values(document_id=doc_id, items=None, **common)).inserted_primary_key[0]
                   for doc_id in found]
            if codes:
                ids.append(conn.execute(insert(DIS).values(document_id=None, items=json.dumps(codes), **common))
                           .inserted_primary_key[0])
            self._audit(conn, "referral.shared", "case", row.case_id,
                        {"referral": row.id, "disclosures": ids, "legal_basis": basis, "items": codes,
                         "documents": docs})
        return ids

    def _referral_to_update(self, conn, referral_id):
        row = _require_referral(conn, referral_id)
        if not may_update(self.roles, self.user_id, row.created_by):
            raise PermissionDenied("You may change only the referrals you made; a coordinator changes the others.")
        return row

    # --- reading -----------------------------------------------------------------------------
    def referrals(self, status: str | None = None, overdue: bool = False, as_of=None, case_id=None) -> list[dict]:
        """Referrals, newest first: {"id", "case_id", "case_reference", "direction", "service",
        "status", "due_on", "sent_on", "closed_on", "outcome", "outcome_reason", "risk_level",
        "agency_id", "agency" (name), "from_action_id", "created_by", "overdue"}. Filters: a status,
        overdue only (as of as_of, default today), one case (id or reference)."""
        self._authorize("referral", "read")
        if status is not None and status not in STATUSES:
            raise ValidationError("status", f"'{str(status)[:40]}' is not a referral status.")
        if not isinstance(overdue, bool):
            raise ValidationError("overdue", "must be yes or no.")
        day = Date().clean("as_of", as_of) or local_today(self.centre_zone()).isoformat()
        q = _listing().order_by(RF.c.id.desc())
        if status is not None:
            q = q.where(RF.c.status == status)
        if overdue:
            q = q.where(_overdue(day))
        with self.record.transaction() as conn:
            cid = None
            if case_id is not None:
                cid = resolve_case(conn, case_id)
                q = q.where(RF.c.case_id == cid)
            out = _rows(conn, q, day)
            detail = {"count": len(out), **({"status": status} if status else {}), **({"overdue": True} if overdue else {})}
            self._audit(conn, "referral.list", "case" if cid else None, cid, detail)
        return out

    def case_referrals(self, case_id) -> list[dict]:
        """A case's referrals (the case workspace's tab), oldest first, shaped as referrals()."""
        self._authorize("referral", "read")
        day = local_today(self.centre_zone()).isoformat()
        with self.record.transaction() as conn:
            cid = resolve_case(conn, case_id)
            out = _rows(conn, _listing().where(RF.c.case_id == cid).order_by(RF.c.id), day)
            self._audit(conn, "referral.case_list", "case", cid, {"count": len(out)})
        return out

    def referral_view(self, referral_id: int) -> dict:
        """One referral: its fields with "case_reference", "agency", "contact", "child_name",
        "created_by_name", "overdue" (today), "next_statuses" (what it may become), "may_update"
        (this user), "events" (oldest first: from_status, to_status, on_date, note, by_name, at_utc)
        and "disclosures" (what it shared, oldest first: document_id, items, legal_basis,
        recipient, recipient_agency, undertaking, method, disclosed_at, recorded_by_name)."""
        self._authorize("referral", "read")
        day = local_today(self.centre_zone()).isoformat()
        with self.record.transaction() as conn:
            row = _require_referral(conn, referral_id)
            out = dict(row._mapping)
            out["case_reference"] = conn.execute(select(C.c.reference).where(C.c.id == row.case_id)).scalar()
            out["agency"] = conn.execute(select(A.c.name).where(A.c.id == row.agency_id)).scalar() \
                if row.agency_id else None
            out["contact"] = conn.execute(select(S.c.name).where(S.c.id == row.contact_id)).scalar() \
                if row.contact_id else None
            child = conn.execute(select(P.c.given_name, P.c.family_name).where(P.c.id == row.child_person_id)).first() \
                if row.child_person_id else None
            out["child_name"] = " ".join(p for p in (child.given_name, child.family_name) if p) if child else None
            out["created_by_name"] = conn.execute(select(U.c.display_name).where(U.c.id == row.created_by)).scalar()
            out["events"] = [dict(r._mapping) for r in conn.execute(
                select(EV.c.id, EV.c.from_status, EV.c.to_status, EV.c.on_date, EV.c.note,
                       U.c.display_name.label("by_name"), EV.c.at_utc)
                .join(U, U.c.id == EV.c.by_user).where(EV.c.referral_id == row.id).order_by(EV.c.id))]
            out["disclosures"] = _disclosures(conn, DIS.c.referral_id == row.id, newest_first=False)
            self._audit(conn, "referral.read", "case", row.case_id, {"referral": row.id})
        out["overdue"] = is_open(out["status"]) and out["due_on"] is not None and out["due_on"] < day
        out["next_statuses"] = list(TRANSITIONS[out["status"]])
        out["may_update"] = self.can("referral", "update") and may_update(self.roles, self.user_id, row.created_by)
        return out

    def overdue_referrals(self, as_of=None) -> list[dict]:
        """Open referrals due before as_of (default today) in the cases this user leads, the most
        overdue first: {"id", "case_id", "case_reference", "due_on", "service", "status", "agency"}."""
        self._authorize("referral", "read")
        day = Date().clean("as_of", as_of) or local_today(self.centre_zone()).isoformat()
        q = (select(RF.c.id, RF.c.case_id, C.c.reference.label("case_reference"), RF.c.due_on, RF.c.service,
                    RF.c.status, A.c.name.label("agency"))
             .join(C, C.c.id == RF.c.case_id).outerjoin(A, A.c.id == RF.c.agency_id)
             .where(C.c.case_lead_id == self.user_id, _overdue(day)).order_by(RF.c.due_on, RF.c.id))
        with self.record.transaction() as conn:
            out = [dict(r._mapping) for r in conn.execute(q)]
            self._audit(conn, "referral.overdue_read", None, None, {"count": len(out)})
        return out

    def disclosure_register(self, case) -> list[dict]:
        """Every disclosure of a case (by id or reference), newest first: issued documents given
        out (document_register's) and what its referrals shared. Each: {"id", "kind" ("document"
        or "referral"), "document_id" (e.g. D-20260304-1A2B3C4D, or None), "doc_type",
        "referral_id", "service", "items" (codes), "legal_basis", "recipient", "recipient_agency_id",
        "recipient_agency", "undertaking", "method", "disclosed_at", "recorded_by_name",
        "recorded_at"}. Referrals' rows only for users who may read referrals; minutes of the
        meetings that had the case on their agenda only for users who may read meetings."""
        self._authorize("case", "read")
        with self.record.transaction() as conn:
            cid = resolve_case(conn, case)
            # the case's documents, and the minutes of the meetings that discussed it
            documents = DOC.c.case_id == cid
            if self.can("meeting", "read"):
                documents = or_(documents, DOC.c.meeting_id.in_(case_meeting_ids(cid)))
            where = or_(documents, RF.c.case_id == cid)
            if not self.can("referral", "read"):
                where = and_(documents, DIS.c.referral_id.is_(None))
            out = _disclosures(conn, where, newest_first=True)
            self._audit(conn, "disclosure.register_read", "case", cid, {"count": len(out)})
        return out


def _disclosures(conn, where, newest_first: bool) -> list[dict]:
    order = (DIS.c.disclosed_at.desc(), DIS.c.id.desc()) if newest_first else (DIS.c.id,)
    q = (select(DIS.c.id, DOC.c.document_id, DOC.c.doc_type, DIS.c.referral_id, RF.c.service, DIS.c["items"],
                DIS.c.legal_basis, DIS.c.recipient, DIS.c.recipient_agency_id, A.c.name.label("recipient_agency"),
                DIS.c.undertaking, DIS.c.method, DIS.c.disclosed_at, U.c.display_name.label("recorded_by_name"),
                DIS.c.recorded_at)
         .outerjoin(DOC, DOC.c.id == DIS.c.document_id).outerjoin(RF, RF.c.id == DIS.c.referral_id)
         .outerjoin(A, A.c.id == DIS.c.recipient_agency_id).join(U, U.c.id == DIS.c.recorded_by)
         .where(where).order_by(*order))
    out = []
    for r in conn.execute(q):
        d = dict(r._mapping)
        d["kind"] = "referral" if d["referral_id"] is not None else "document"
        d["items"] = json.loads(d["items"]) if d["items"] else []
        out.append(d)
    return out
