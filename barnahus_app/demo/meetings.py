"""Demo MDT meetings, case reviews and referrals between agencies (issue 13).

`add_demo_meetings` runs after the demo's cases, interviews and follow-up exist (build.py calls
it last; bench.py does for a record built before it). It writes, with plain bulk inserts:

  * the agency register of the demo: police, prosecution, social services, a children's
    hospital, child psychiatry, a school health team, a legal aid office, a shelter and a
    therapy clinic, each with fictional contacts; and a meeting room (kind "meeting"), which no
    interview uses;
  * a case review every two weeks (Tuesdays 13:00-15:00, the centre's zone) from January 2000 to
    four weeks after `until`; a planning meeting on Thursdays (08:15-08:45) for the week's
    emergency and immediate referrals; an urgent meeting (16:45-17:15, often remote) for some
    emergencies. Meetings never overlap one another (so no room, user or agency contact is in
    two at once), and an interviewer attends only when no interview of theirs overlaps;
  * attendance: the chair and minute-taker (coordinators), the medical user, the therapist,
    sometimes the liaison and a free interviewer, and contacts of the agency register; a core
    discipline is sometimes missing (nobody asked, or absent / excused); each contact's
    confidentiality undertaking once, before their first meeting;
  * agendas built as the core's cases_due proposes them: the cases received since the last
    meeting ("new") and the cases whose next review is due and still active for review (not
    closed, or an open referral, team action or follow-up rule of it), plus a few "added"; held meetings set
    case_reviews.last_reviewed_on to the meeting's local date and next_review_on to it plus the
    case's interval (NULL: the record setting review_interval_days, default 90); some long
    cases get a longer interval, and a closed case kept on the list by its follow-up mostly a
    yearly one;
  * per discussed case: agencies' updates (codes of their vocabularies), the child's views
    (heard directly, through the trusted person, or not heard with a reason), decisions, team
    actions (done, open, overdue, cancelled) owned by a user (with their follow-up rule of kind
    action_item, subject_kind "team_action") or by a contact, and often the outcome explained;
  * minutes approved a few days after each past meeting (the last ones still "held"), a few
    addenda, a few cancelled meetings;
  * referrals out (to a service) and in (the referral that opened the case) in every status,
    with their referral_events history, outcomes and reasons, and for many a disclosures row
    (referral_id, the data items shared and the legal basis for sharing).

Every name and text is fictional ("demo"). No audit entries: the demo's "demo.generated" entry
covers it. The same rng state and the same record give the same rows.
"""
from __future__ import annotations

import heapq
import json
import random
import time as _time
from datetime import date, datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from barnahus_app import vocab
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.demo.followup import _Gen as _RuleGen, _max_id
from barnahus_app.demo.interviews import _epoch, _insert
from barnahus_app.documents.tables import Disclosure
from barnahus_app.followup.actions import DISCIPLINES
from barnahus_app.followup.tables import FollowUpEvent, FollowUpRule
from barnahus_app.interviews.tables import Interview, InterviewParticipant, Room
from barnahus_app.meetings.tables import (
    CaseReview, ContactUndertaking, Decision, ItemUpdate, Meeting, MeetingAttendee, MeetingItem,
    MinutesAddendum, TeamAction,
)
from barnahus_app.persons.tables import Agency, StaffContact
from barnahus_app.referrals.tables import Referral, ReferralEvent
from barnahus_app.settings import setting_in
from barnahus_app.users.tables import User, UserRole

ZONE = "Europe/Stockholm"
MEETING_ROOM = ("Meeting room (Stora rummet)", "meeting")
DEFAULT_INTERVAL = 90
FIRST_MEETING = date(2000, 1, 11)  # a Tuesday; case reviews every 14 days from it
# (name, kind, discipline at a meeting, contacts (name, title))
AGENCIES = (
    ("Demo Police District Testby (fictional)", "police", "police",
     (("Demo Officer Testsson (fictional)", "Detective inspector"),
      ("Demo Officer Exempeldotter (fictional)", "Detective sergeant"),
      ("Demo Officer Fiktivsen (fictional)", "Detective inspector"))),
    ("Demo Prosecution Office Testby (fictional)", "prosecution", "prosecution",
     (("Demo Prosecutor Demoberg (fictional)", "Prosecutor"),
      ("Demo Prosecutor Provsdottir (fictional)", "Senior prosecutor"))),
    ("Demo Social Services Testby (fictional)", "social_services", "social_services",
     (("Demo Social Worker Mockholm (fictional)", "Social worker"),
      ("Demo Social Worker Testlund (fictional)", "Social worker"),
      ("Demo Social Worker Prøvesen (fictional)", "Team leader"))),
    ("Demo Children's Hospital Testby (fictional)", "health", "health",
     (("Demo Doctor Låtsasson (fictional)", "Paediatrician"),
      ("Demo Nurse Övningsdal (fictional)", "Paediatric nurse"))),
    ("Demo Child and Adolescent Psychiatry Testby (fictional)", "mental_health", "therapy",
     (("Demo Psychologist Attrapp (fictional)", "Psychologist"),)),
    ("Demo Testby School Health Team (fictional)", "school", "other",
     (("Demo School Nurse Dummyqvist (fictional)", "School nurse"),)),
    ("Demo Legal Aid Office Testby (fictional)", "other", "other",
     (("Demo Counsel Ejemplo (fictional)", "Counsel for the injured party"),)),
    ("Demo Shelter Testby (fictional)", "ngo", "other",
     (("Demo Shelter Worker Prueba (fictional)", "Shelter coordinator"),)),
    ("Demo Trauma Therapy Clinic (fictional)", "mental_health", "therapy",
     (("Demo Therapist Testenko (fictional)", "Trauma therapist"),)),
)
_SERVICE_AGENCY = {"therapy_elsewhere": 8, "child_psychiatry": 4, "school_support": 5, "legal_aid": 6,
                   "shelter": 7, "medical_specialist": 3, "other": 2}
_SERVICES = (("therapy_elsewhere", 25), ("child_psychiatry", 20), ("school_support", 15),
             ("legal_aid", 15), ("shelter", 5), ("medical_specialist", 12), ("other", 8))
_ROLE_DISCIPLINE = {"coordinator": "centre", "interviewer": "centre", "medical": "health",
                    "therapist": "therapy", "liaison": "police"}
_UPDATE_VOCAB = {"police": "police_investigation_statuses", "prosecution": "prosecution_decision_stages",
                 "social_services": "protection_statuses", "health": "medical_examination_statuses",
                 "therapy": "therapy_engagement_statuses"}
_NOT_HEARD = ("The child is too young to give views in words; the carer was asked (demo).",
              "The child did not want to talk about it this time; asked again next time (demo).",
              "Not met yet: the interview is planned (demo).")
_VIEWS = ("Demo (fictional): the child says school feels safe and wants to keep seeing the therapist.",
          "Demo (fictional): the child wants to stay with the grandparent for now.",
          "Demo (fictional): the child asked not to meet the alleged offender at court.",
          "Demo (fictional): the child wants to know what happens next and when.",
          "Demo (fictional): the child likes the group sessions and wants to go on.")
_DECISIONS_NEW = ("Forensic interview to be planned within two weeks (demo).",
                  "Medical examination needed; the children's hospital to offer a time (demo).",
                  "No medical examination needed (demo).",
                  "Social services to assess the child's protection at home (demo).",
                  "Therapy to be offered at the centre after the interview (demo).")
_DECISIONS_REVIEW = ("Continue therapy; next review as planned (demo).",
                     "Refer to a service outside the centre (demo).",
                     "Protection plan stays in place (demo).",
                     "Prepare the child for court with the trusted person (demo).",
                     "No further action by the centre; follow-up reminders continue (demo).")
_ACTIONS = ("Book the forensic interview (demo)", "Send the examination findings to the police (demo)",
            "Offer the family a first therapy session (demo)", "Report back on the protection assessment (demo)",
            "Tell the carer about the next steps (demo)", "Ask the school about support in class (demo)")
_UPDATE_NOTES = ("Demo note (fictional): as at the last meeting.", "Demo note (fictional): waiting for a reply.",
                 "Demo note (fictional): new information received this week.")
_REJECTIONS = ("No places this term (demo).", "Outside the service's area (demo).")
_REVOKE_NOTE = "The family moved; referral withdrawn (demo)."
_OUTCOME_REASONS = (("family_declined", 30), ("no_capacity", 15), ("no_longer_needed", 20),
                    ("could_not_reach_family", 15), ("could_not_reach_agency", 10), ("other", 10))
_LEGAL_BASES = (("law", 50), ("guardian_agreement", 40), ("court_order", 10))
_SHAREABLE = ("case_summary", "interview_record", "medical_findings", "risk_assessment", "contact_details")
_OPEN_REFERRAL = ("draft", "sent", "accepted", "engaged")
_ADDENDUM = "Correction (demo): a decision's wording in item 2 was clarified; nothing else changed."
_CANCELLED = "Public holiday week; the cases move to the next review (demo)."

_M_COLS = ("id", "kind", "title", "starts_at_utc", "ends_at_utc", "time_zone", "room_id", "remote", "chair_id",
           "minute_taker_id", "status", "cancel_reason", "approved_by", "approved_at", "created_by", "created_at",
           "updated_at")
_A_COLS = ("id", "meeting_id", "user_id", "contact_id", "discipline", "attendance", "remote")
_IT_COLS = ("id", "meeting_id", "case_id", "reason", "position", "discussed", "child_heard", "child_views",
            "child_not_heard_reason", "outcome_explained_on", "outcome_explained_to", "outcome_explained_by",
            "updated_at")
_U_COLS = ("item_id", "agency", "status", "note")
_D_COLS = ("id", "item_id", "text", "position")
_T_COLS = ("id", "case_id", "item_id", "text", "owner_user_id", "owner_contact_id", "due_on", "status", "done_on",
           "cancel_reason", "followup_rule_id", "created_by", "created_at", "updated_at")
_R_COLS = ("id", "case_id", "child_person_id", "direction", "service", "agency_id", "contact_id", "reason",
           "risk_level", "status", "due_on", "rejection_reason", "outcome", "outcome_reason", "outcome_note",
           "from_action_id", "sent_on", "closed_on", "created_by", "created_at", "updated_at")
_RE_COLS = ("id", "referral_id", "from_status", "to_status", "on_date", "note", "by_user", "at_utc")
_DI_COLS = ("id", "document_id", "recipient", "recipient_agency_id", "undertaking", "method", "disclosed_at",
            "recorded_by", "recorded_at", "referral_id", "items", "legal_basis")


def _iso(ts: int) -> str:
    return _time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", _time.gmtime(ts))


def _noon(d: date, hour: int = 10) -> str:
    return f"{d.isoformat()}T{hour:02d}:00:00.000000Z"


def _pick(rng, pairs):
    x = rng.random() * sum(w for _, w in pairs)
    for code, w in pairs:
        x -= w
        if x < 0:
            return code
    return pairs[-1][0]


def _one(rng, seq):
    return seq[int(rng.random() * len(seq))]


def referral_due(status: str, on: date) -> date | None:
    """By when the next step of an open referral is expected (none once it is closed)."""
    days = {"draft": 7, "sent": 21, "accepted": 30, "engaged": 180}.get(status)
    return on + timedelta(days=days) if days else None


def add_demo_meetings(session_or_conn, rng: random.Random, until: date | None = None, *,
                      progress: Callable[[int, int], None] | None = None) -> dict:
    """Give the demo record agencies, meetings, case reviews and referrals (see the module
    docstring). session_or_conn: a Session (one transaction is opened) or a Connection inside the
    caller's transaction. Returns counts of the rows written, by table."""
    if hasattr(session_or_conn, "record"):
        with session_or_conn.record.transaction() as conn:
            return _add(conn, rng, until)
    return _add(session_or_conn, rng, until)


def _check_vocabularies() -> dict:
    vocab.check_codes("meeting_kinds", "kind", ["planning", "case_review", "urgent"])
    vocab.check_codes("mdt_disciplines", "discipline", sorted(set(_ROLE_DISCIPLINE.values())
                                                              | {a[2] for a in AGENCIES}))
    vocab.check_codes("agency_kinds", "kind", [a[1] for a in AGENCIES])
    vocab.check_codes("room_kinds", "kind", [MEETING_ROOM[1]])
    vocab.check_codes("referral_services", "service", [s for s, _ in _SERVICES])
    vocab.check_codes("referral_outcome_reasons", "outcome_reason", [c for c, _ in _OUTCOME_REASONS])
    vocab.check_codes("sharing_legal_bases", "legal_basis", [c for c, _ in _LEGAL_BASES])
    vocab.check_codes("shareable_items", "items", list(_SHAREABLE))
    return {agency: vocab.vocabulary(name).codes(include_retired=False) for agency, name in _UPDATE_VOCAB.items()}


class _Ids:
    def __init__(self, conn, tables):
        self.next = {t.name: _max_id(conn, t) + 1 for t in tables}

    def __call__(self, name: str) -> int:
        i = self.next[name]
        self.next[name] = i + 1
        return i


def _add(conn, rng: random.Random, until: date | None) -> dict:
    status_codes = _check_vocabularies()
    until = until or datetime.now(timezone.utc).date()
    tz = ZoneInfo(ZONE)
    M, MA, MI, IU, D, TA, MAD, CR, CU = (t.__table__ for t in (
        Meeting, MeetingAttendee, MeetingItem, ItemUpdate, Decision, TeamAction, MinutesAddendum, CaseReview,
        ContactUndertaking))
    R, RE, DI, AG, SC, RM = (t.__table__ for t in (Referral, ReferralEvent, Disclosure, Agency, StaffContact, Room))
    C, CC, I, IP = Case.__table__, CaseChild.__table__, Interview.__table__, InterviewParticipant.__table__
    try:
        interval_default = int(setting_in(conn, "review_interval_days"))
    except Exception:  # noqa: BLE001 - the setting arrives with the meetings core
        interval_default = DEFAULT_INTERVAL
    ids = _Ids(conn, (M, MA, MI, D, TA, MAD, R, RE, DI, AG, SC, RM))
    out = {k: [] for k in ("agencies", "contacts", "rooms", "meetings", "attendees", "items", "updates",
                           "decisions", "actions", "addenda", "reviews", "undertakings", "referrals",
                           "referral_events", "disclosures")}

    # users by role
    role_users: dict[str, list[int]] = {}
    for uid, role in conn.execute(select(UserRole.user_id, UserRole.role).join(User, User.id == UserRole.user_id)
                                  .where(User.active.is_(True)).order_by(UserRole.user_id)):
        role_users.setdefault(role, []).append(uid)
    coordinators = role_users.get("coordinator", [])
    cases = conn.execute(select(C.c.id, C.c.case_lead_id, C.c.status, C.c.referral_received_at, C.c.acted_at,
                                C.c.closed_at, C.c.triage_level, C.c.emergency, C.c.referral_source,
                                C.c.police_reference, C.c.prosecution_reference)
                         .order_by(C.c.referral_received_at, C.c.id)).all()
    if not coordinators or not cases:
        return {k: 0 for k in out}
    user_role = {}  # the follow-up discipline a user's action is followed in: their first role that is one
    for role in reversed(DISCIPLINES):
        for uid in role_users.get(role, []):
            user_role[uid] = role
    first_child = {}  # the child a user's action is followed up for: the first victim, else the first child
    for cid, pid, _victim in conn.execute(select(CC.c.case_id, CC.c.person_id, CC.c.role != "victim")
                                          .order_by(CC.c.case_id, CC.c.role != "victim", CC.c.person_id)):
        first_child.setdefault(cid, pid)

    # the agency register and the meeting room (kept if they exist)
    have_agencies = dict(conn.execute(select(AG.c.name, AG.c.id)).all())
    agency_ids, contacts = [], []  # contacts: (id, name, agency index, discipline)
    for k, (name, kind, disc, people) in enumerate(AGENCIES):
        aid = have_agencies.get(name)
        if aid is None:
            aid = ids("agencies")
            out["agencies"].append((aid, name, kind, None, None, True))
            for person, title in people:
                cid = ids("staff_contacts")
                out["contacts"].append((cid, aid, person, title, None, None))
                contacts.append((cid, person, k, disc))
        else:
            for cid, person in conn.execute(select(SC.c.id, SC.c.name).where(SC.c.agency_id == aid).order_by(SC.c.id)):
                contacts.append((cid, person, k, disc))
        agency_ids.append(aid)
    by_agency: dict[int, list] = {}
    for c in contacts:
        by_agency.setdefault(c[2], []).append(c)
    room = conn.execute(select(RM.c.id).where(RM.c.name == MEETING_ROOM[0])).scalar()
    if room is None:
        room = ids("rooms")
        out["rooms"].append((room, MEETING_ROOM[0], MEETING_ROOM[1], True, cases[0].referral_received_at))

    # interviewers' bookings (planned or held, both spans: never a meeting over one)
    busy: dict[int, dict[int, list]] = {}
    q = select(I.c.interviewer_id, I.c.starts_at_utc, I.c.ends_at_utc, I.c.actual_start_utc, I.c.actual_end_utc) \
        .where(I.c.status != "cancelled")
    q2 = select(IP.c.user_id, I.c.starts_at_utc, I.c.ends_at_utc, I.c.actual_start_utc, I.c.actual_end_utc) \
        .join(I, I.c.id == IP.c.interview_id).where(I.c.status != "cancelled", IP.c.user_id.isnot(None))
    for uid, s, e, a_s, a_e in list(conn.execute(q)) + list(conn.execute(q2)):
        lo = min(_epoch(s), _epoch(a_s) if a_s else _epoch(s))
        hi = max(_epoch(e), _epoch(a_e) if a_e else _epoch(e))
        busy.setdefault(uid, {}).setdefault(lo // 86400, []).append((lo, hi))

    def free(uid: int, lo: int, hi: int) -> bool:
        days = busy.get(uid, {})
        return not any(a < hi and lo < b for d in (lo // 86400 - 1, lo // 86400) for a, b in days.get(d, ()))

    # --- referrals first: their open spans keep cases on the review list ---------------------
    case_info = {}
    for c in cases:
        rec = date.fromisoformat(c.referral_received_at[:10])
        acted = date.fromisoformat(c.acted_at[:10]) if c.acted_at else None
        closed = date.fromisoformat(c.closed_at[:10]) if c.closed_at else None
        case_info[c.id] = (c, rec, acted, closed)
    # case -> last day a referral, team action or follow-up rule of it runs (active for review)
    open_until: dict[int, date] = {}
    FR, FE = FollowUpRule.__table__, FollowUpEvent.__table__
    ended = dict(conn.execute(select(FE.c.rule_id, func.max(FE.c.on_date)).group_by(FE.c.rule_id)).all())
    for rid, cid, next_due, due_on, created in conn.execute(
            select(FR.c.id, FR.c.case_id, FR.c.next_due, FR.c.due_on, FR.c.created_at).where(FR.c.case_id.isnot(None))):
        end = (until + timedelta(days=3650) if next_due else
               date.fromisoformat(ended.get(rid) or due_on or created[:10]))
        if open_until.get(cid, date.min) < end:
            open_until[cid] = end
    referrals = _referrals(rng, cases, case_info, until, first_child, agency_ids, by_agency, ids, out)
    for r in referrals:
        end = r["closed"] or until + timedelta(days=3650)
        if r["case"] not in open_until or open_until[r["case"]] < end:
            open_until[r["case"]] = end

    # --- the meetings' calendar --------------------------------------------------------------
    horizon = until + timedelta(days=28)
    plans = []  # (local start, minutes, kind, urgent case or None)
    d = FIRST_MEETING
    while d <= horizon:
        plans.append((datetime(d.year, d.month, d.day, 13, 0), 120, "case_review", None))
        d += timedelta(days=14)
    emergencies = {}
    for c in cases:
        if c.emergency or c.triage_level == "immediate":
            emergencies.setdefault(case_info[c.id][1], []).append(c.id)
    d = FIRST_MEETING + timedelta(days=2)  # Thursdays
    while d <= horizon:
        week = [cid for k in range(7) for cid in emergencies.get(d - timedelta(days=7 - k), ())]
        if week:
            plans.append((datetime(d.year, d.month, d.day, 8, 15), 30, "planning", week))
        d += timedelta(days=7)
    urgent_days = set()
    for c in cases:
        if c.emergency and rng.random() < 0.3:
            day = case_info[c.id][1] + timedelta(days=1)
            while day.weekday() >= 5 or day in urgent_days:
                day += timedelta(days=1)
            if day <= horizon:
                urgent_days.add(day)
                plans.append((datetime(day.year, day.month, day.day, 16, 45), 30, "urgent", [c.id]))
    plans.sort(key=lambda p: p[0])

    # --- simulate the meetings in order ------------------------------------------------------
    heap: list = []          # (next review ordinal, case id)
    reviews: dict[int, list] = {}  # case -> [interval_days or None, last reviewed, next review, reviews]
    waiting_new = [c.id for c in cases]  # in order of referral
    new_at = 0
    carry: list[int] = []  # new cases on an agenda not reached: first at the next review
    undertaken: set[int] = set()
    rule_gen = _RuleGen(rng, until, {"rule": _max_id(conn, FollowUpRule.__table__) + 1,
                                     "event": _max_id(conn, FollowUpEvent.__table__) + 1,
                                     "recovery": 0, "offence": 0},
                        {r: role_users[r][0] for r in role_users}, None)
    referral_by_case: dict[int, list] = {}
    for r in referrals:
        referral_by_case.setdefault(r["case"], []).append(r)
    first_planned_review = True
    for start_local, minutes, kind, subject in plans:
        day = start_local.date()
        s = int(start_local.replace(tzinfo=tz).timestamp())
        e = s + minutes * 60
        past = day < until
        approved = past and day < until - timedelta(days=10)
        cancelled = past and kind == "case_review" and rng.random() < 0.015
        chair = _one(rng, coordinators)
        taker = _one(rng, [u for u in coordinators if u != chair] or coordinators)
        remote = kind == "urgent" and rng.random() < 0.6
        mid = ids("meetings")
        status = "cancelled" if cancelled else "approved" if approved else "held" if past else "planned"
        created = s - (14 if kind == "case_review" else 1) * 86400
        approved_at = _iso(e + int((1 + rng.random() * 5) * 86400)) if status == "approved" else None
        out["meetings"].append([mid, kind, None, _iso(s), _iso(e), ZONE, None if remote else room, remote, chair,
                                taker, status, _CANCELLED if cancelled else None,
                                chair if approved_at else None, approved_at, chair, _iso(created),
                                approved_at or (_iso(e + 3600) if past else _iso(created))])
        # attendance
        att = [(chair, None, "centre", "present" if past else "expected", False),
               (taker, None, "centre", "present" if past else "expected", False)]

        def came(p_present):
            if not past:
                return "expected"
            r = rng.random()
            return "present" if r < p_present else "excused" if r < (1 + p_present) / 2 else "absent"
        for role, p_ask, p_here in (("medical", 0.85, 0.85), ("therapist", 0.7, 0.9), ("liaison", 0.3, 0.9)):
            if kind != "urgent" and role_users.get(role) and rng.random() < p_ask:
                uid = role_users[role][0]
                if uid not in (chair, taker):
                    att.append((uid, None, _ROLE_DISCIPLINE[role], came(p_here), False))
        if kind == "case_review":
            free_iv = [u for u in role_users.get("interviewer", []) if free(u, s, e)]
            if free_iv and rng.random() < 0.6:
                att.append((_one(rng, free_iv), None, "centre", came(0.9), False))
        for k, p_ask, p_here in ((0, 0.95, 0.9), (1, 0.75, 0.8), (2, 0.92, 0.9), (3, 0.5, 0.8), (4, 0.3, 0.85)):
            if k in by_agency and rng.random() < p_ask:
                cid, _n, _a, disc = _one(rng, by_agency[k])
                att.append((None, cid, disc, came(p_here), remote or rng.random() < 0.25))
                if cid not in undertaken:
                    undertaken.add(cid)
                    out["undertakings"].append((cid, (day - timedelta(days=int(rng.random() * 14))).isoformat(),
                                                None, chair, _noon(day - timedelta(days=14), 9)))
        for uid, cid, disc, how, rem in att:
            out["attendees"].append((ids("meeting_attendees"), mid, uid, cid, disc, how, remote or rem))
        if cancelled:
            continue

        # the agenda
        agenda: list[tuple[int, str]] = []
        if kind == "case_review":
            agenda += [(cid, "new") for cid in carry if cid not in reviews]
            carry = []
            while new_at < len(waiting_new) and case_info[waiting_new[new_at]][1] < day:
                cid = waiting_new[new_at]
                new_at += 1
                if cid not in reviews:
                    closed = case_info[cid][3]
                    if closed is None or closed > day or open_until.get(cid, date.min) > day:
                        agenda.append((cid, "new"))
            while heap and heap[0][0] <= day.toordinal():
                nxt, cid = heapq.heappop(heap)
                rv = reviews[cid]
                if rv[2] != nxt:
                    continue  # a stale entry: reviewed since
                closed = case_info[cid][3]
                if closed is None or closed > day or open_until.get(cid, date.min) > day:
                    agenda.append((cid, "review_due"))
            if reviews and rng.random() < 0.3:
                cid = _one(rng, list(reviews)) if len(reviews) < 50 else None
                if cid and all(cid != a for a, _ in agenda) and case_info[cid][3] is None:
                    agenda.append((cid, "added"))
        else:
            for cid in subject:  # a planning meeting plans what no meeting discussed yet
                if case_info[cid][1] <= day and (kind == "urgent" or cid not in reviews):
                    agenda.append((cid, "urgent" if kind == "urgent" else "new"))
        seen: set[int] = set()
        agenda = [a for a in agenda if not (a[0] in seen or seen.add(a[0]))]
        if not past and kind == "case_review" and not first_planned_review:
            agenda = []  # only the next review has its agenda built yet
        if not past and kind == "case_review":
            first_planned_review = False
        held = status in ("held", "approved")
        updated = _iso(e + 1800) if held else _iso(created)
        for pos, (cid, reason) in enumerate(agenda, 1):
            iid = ids("meeting_items")
            row = [iid, mid, cid, reason, pos, False, None, None, None, None, None, None, updated]
            out["items"].append(row)
            if not held:
                if reason in ("review_due", "added") and cid in reviews:
                    heapq.heappush(heap, (reviews[cid][2], cid))  # still due at the next meeting
                continue
            if rng.random() < 0.03 and reason != "urgent":  # time ran out: stays due
                if cid in reviews:
                    heapq.heappush(heap, (reviews[cid][2], cid))
                elif kind != "urgent":
                    carry.append(cid)
                continue
            c, rec, acted, closed = case_info[cid]
            row[5] = True
            r = rng.random()
            if reason == "new" and r < 0.5:
                row[6], row[8] = "not_heard", _NOT_HEARD[2] if rng.random() < 0.7 else _NOT_HEARD[0]
            elif r < 0.45:
                row[6], row[7] = "directly", _one(rng, _VIEWS)
            elif r < 0.8:
                row[6], row[7] = "trusted_person", _one(rng, _VIEWS)
            else:
                row[6], row[8] = "not_heard", _one(rng, _NOT_HEARD[:2])
            if status == "approved" and rng.random() < 0.5:
                row[9] = (day + timedelta(days=1 + int(rng.random() * 9))).isoformat()
                row[10] = _pick(rng, (("child", 30), ("carer", 30), ("both", 40)))
                row[11] = c.case_lead_id
            for agency, p in (("police", 0.9 if c.police_reference else 0.0),
                              ("prosecution", 0.9 if c.prosecution_reference else 0.0),
                              ("social_services", 0.7), ("health", 0.45), ("therapy", 0.35)):
                if status_codes.get(agency) and rng.random() < p:
                    out["updates"].append((iid, agency, _one(rng, status_codes[agency]),
                                           _one(rng, _UPDATE_NOTES) if rng.random() < 0.3 else None))
            texts = _DECISIONS_NEW if reason in ("new", "urgent") else _DECISIONS_REVIEW
            for k in range(1 + (rng.random() < 0.25)):
                out["decisions"].append((ids("meeting_decisions"), iid, _one(rng, texts), k + 1))
            if rng.random() < (0.35 if day < until - timedelta(days=45) else 0.8):  # recent: still running
                _action(rng, c, iid, day, until, taker, role_users, user_role, by_agency, first_child,
                        referral_by_case, rule_gen, ids, out, open_until)
            # the review cycle, as hold_meeting derives it
            rv = reviews.get(cid)
            if rv is None:
                rv = reviews[cid] = [None, None, None, 0]
            rv[3] += 1
            if rv[0] is None and closed is not None and closed <= day:
                rv[0] = 365 if rng.random() < 0.8 else 180  # closed, follow-up runs: a yearly review
            elif rv[0] is None and rv[3] >= 6 and rng.random() < 0.4:
                rv[0] = 180 if rng.random() < 0.7 else 365  # a long case: reviewed less often
            rv[1] = day
            rv[2] = (day + timedelta(days=rv[0] or interval_default)).toordinal()
            heapq.heappush(heap, (rv[2], cid))
        if status == "approved" and rng.random() < 0.02:
            at = _epoch(approved_at) + int((2 + rng.random() * 20) * 86400)
            if at < _epoch(_noon(until, 0)):
                out["addenda"].append((ids("minutes_addenda"), mid, _ADDENDUM, chair, _iso(at)))

    for cid, (interval, last, nxt, _n) in reviews.items():
        out["reviews"].append((cid, interval, last.isoformat() if last else None,
                               date.fromordinal(nxt).isoformat() if nxt else None))
    for r in referrals:
        out["referrals"].append(tuple(r["row"][c] for c in _R_COLS))

    # --- write ----------------------------------------------------------------------------------
    writes = (
        (AG, ("id", "name", "kind", "phone", "email", "active"), "agencies"),
        (SC, ("id", "agency_id", "name", "title", "phone", "email"), "contacts"),
        (RM, ("id", "name", "kind", "active", "created_at"), "rooms"),
        (CU, ("contact_id", "signed_on", "note", "recorded_by", "recorded_at"), "undertakings"),
        (M, _M_COLS, "meetings"), (MA, _A_COLS, "attendees"), (MI, _IT_COLS, "items"),
        (IU, _U_COLS, "updates"), (D, _D_COLS, "decisions"),
        (CR, ("case_id", "interval_days", "last_reviewed_on", "next_review_on"), "reviews"),
        (MAD, ("id", "meeting_id", "text", "by_user", "at_utc"), "addenda"),
    )
    for table, cols, key in writes:
        _insert(conn, table, cols, out[key])
    rules = [r for r in rule_gen.rules]
    if rules:
        rcols = [c.name for c in FollowUpRule.__table__.columns]
        _insert(conn, FollowUpRule.__table__, rcols, [tuple(r[c] for c in rcols) for r in rules])
        ecols = [c.name for c in FollowUpEvent.__table__.columns]
        _insert(conn, FollowUpEvent.__table__, ecols, [tuple(ev[c] for c in ecols) for ev in rule_gen.events])
    _insert(conn, TA, _T_COLS, out["actions"])
    _insert(conn, R, _R_COLS, out["referrals"])
    _insert(conn, RE, _RE_COLS, out["referral_events"])
    _insert(conn, DI, _DI_COLS, out["disclosures"])
    counts = {k: len(v) for k, v in out.items()}
    counts["followup_rules"] = len(rules)
    return counts


def _action(rng, c, iid, day, until, taker, role_users, user_role, by_agency, first_child, referral_by_case,
            rule_gen, ids, out, open_until) -> None:
    """One team action from a discussed item: a user's (with its follow-up rule) or a contact's."""
    due = day + timedelta(days=14 + int(rng.random() * 29))
    aid = ids("team_actions")
    text = _one(rng, _ACTIONS)
    link = None
    for r in referral_by_case.get(c.id, ()):  # a referral made soon after the meeting came from it
        if r["row"]["direction"] == "out" and r["row"]["from_action_id"] is None \
                and day <= r["created"] <= day + timedelta(days=21):
            link = r
            break
    if link is not None:
        text = "Refer the child to a service outside the centre (demo)"
        due = link["created"]
    owner_user = owner_contact = None
    if link is not None or rng.random() < 0.55:
        candidates = [c.case_lead_id] + [role_users[r][0] for r in ("therapist", "medical", "interviewer")
                                         if role_users.get(r)]
        owner_user = c.case_lead_id if link is not None else _one(rng, candidates)
    else:
        k = _one(rng, [k for k in (0, 2, 3) if k in by_agency] or list(by_agency))
        owner_contact = _one(rng, by_agency[k])[0]
    status, done_on, reason = "open", None, None
    if link is not None:
        status, done_on = "done", min(link["created"], until).isoformat()
        link["row"]["from_action_id"] = aid
    else:
        r = rng.random()
        if due < until:
            if r < (0.8 if due > until - timedelta(days=120) else 0.93):  # old ones were followed up
                status, done_on = "done", min(due + timedelta(days=int(rng.random() * 10) - 5), until)
                done_on = max(done_on, day).isoformat()
            elif r < (0.85 if due > until - timedelta(days=120) else 1.0):
                status, reason = "cancelled", "No longer needed after new information (demo)."
        elif r < 0.1 and day < until:
            status, done_on = "done", (day + timedelta(days=int((until - day).days * rng.random()))).isoformat()
    if status == "open":
        end = until + timedelta(days=3650)
        if open_until.get(c.id, date.min) < end:
            open_until[c.id] = end
    rule_id = None
    created = _noon(day, 15)
    if owner_user is not None and first_child.get(c.id):
        key = f"once:{due.isoformat()}"
        hist = ()
        if status == "done":
            hist = (("completed", key, date.fromisoformat(done_on), None, None),)
        elif status == "cancelled":
            hist = (("declined", key, min(due, until), None, reason),)
        discipline = user_role.get(owner_user, "coordinator")
        rule_gen.staff = dict(rule_gen.staff, **{discipline: owner_user})
        rule_id = rule_gen.rule(person=first_child[c.id], case=c.id, kind="action_item", lead=taker, created=day,
                                due_on=due, discipline=discipline, history=hist, subject_kind="team_action",
                                subject_id=aid, note=text)  # as add_team_action: the action's text
    end_day = done_on or (min(due, until).isoformat() if status == "cancelled" else None)
    out["actions"].append((aid, c.id, iid, text, owner_user, owner_contact, due.isoformat(), status, done_on,
                           reason, rule_id, taker, created, _noon(date.fromisoformat(end_day), 16) if end_day
                           else created))


def _referrals(rng, cases, case_info, until, first_child, agency_ids, by_agency, ids, out) -> list[dict]:
    """Referrals in and out, each with its history; every status at least once."""
    specs = []
    for c in cases:
        _c, rec, acted, closed = case_info[c.id]
        if acted is None or first_child.get(c.id) is None:
            continue
        if rng.random() < 0.1 and c.referral_source in ("police", "social_services"):
            specs.append((c, "in", None, rec))
        if rng.random() < 0.22:
            start = acted + timedelta(days=5 + int(rng.random() * 115))
            if start < until:
                specs.append((c, "out", None, start))
    made = [_referral(rng, c, direction, target, start, case_info, until, first_child, agency_ids, by_agency)
            for c, direction, target, start in specs]
    have = {r["row"]["status"] for r in made}
    recent = [c for c in reversed(cases) if case_info[c.id][2] is not None and first_child.get(c.id)
              and case_info[c.id][2] < until - timedelta(days=20)]
    for target in ("draft", "sent", "accepted", "rejected", "revoked", "engaged", "done", "lost_to_follow_up"):
        if target not in have and recent:
            c = recent.pop(0)
            start = max(case_info[c.id][2], until - timedelta(days=19))
            made.append(_referral(rng, c, "out", target, start, case_info, until, first_child, agency_ids, by_agency))
    made.sort(key=lambda r: (r["created"], r["case"]))
    for r in made:
        rid = ids("referrals")
        r["row"]["id"] = rid
        for frm, to, on, note, by in r["events"]:
            out["referral_events"].append((ids("referral_events"), rid, frm, to, on.isoformat(), note, by,
                                           _noon(on, 11)))
        if r["share"]:
            items, basis, recipient, agency, sent = r["share"]
            out["disclosures"].append((ids("disclosures"), None, recipient, agency,
                                       "Bound by the receiving agency's duty of confidentiality (demo).",
                                       "Secure e-mail (demo)", _noon(sent, 11), r["row"]["created_by"],
                                       _noon(sent, 11), rid, json.dumps(items), basis))
    return made


def _referral(rng, c, direction, target, start, case_info, until, first_child, agency_ids, by_agency) -> dict:
    _c, rec, acted, closed = case_info[c.id]
    lead = c.case_lead_id
    if direction == "in":
        service, k = "other", 0 if c.referral_source == "police" else 2
        steps = [(None, "sent", rec), ("sent", "accepted", max(rec, acted - timedelta(days=1))),
                 ("accepted", "engaged", acted)]
        if closed is not None:
            steps.append(("engaged", "done", closed))
    else:
        service = _pick(rng, _SERVICES)
        k = _SERVICE_AGENCY[service]
        forced = target is not None
        if not forced:
            r = rng.random()
            target = ("rejected" if r < 0.1 else "revoked" if r < 0.15 else "lost_to_follow_up" if r < 0.25
                      else "draft" if r < 0.27 else "done")
        gaps = {"draft": 0, "sent": 1 + int(rng.random() * 4), "accepted": 5 + int(rng.random() * 25),
                "rejected": 5 + int(rng.random() * 25), "engaged": 7 + int(rng.random() * 35),
                "revoked": 3 + int(rng.random() * 20), "done": 60 + int(rng.random() * 240),
                "lost_to_follow_up": 40 + int(rng.random() * 150)}
        path = {"draft": ["draft"], "sent": ["draft", "sent"], "accepted": ["draft", "sent", "accepted"],
                "rejected": ["draft", "sent", "rejected"], "revoked": ["draft", "sent", "revoked"],
                "engaged": ["draft", "sent", "accepted", "engaged"],
                "done": ["draft", "sent", "accepted", "engaged", "done"],
                "lost_to_follow_up": ["draft", "sent", "accepted", "engaged", "lost_to_follow_up"]}[target]
        total = sum(gaps[s] for s in path)
        room = (until - timedelta(days=1) - start).days
        scale = 1.0 if total <= room or not forced else max(0.0, room / max(total, 1))
        steps, on, prev = [], start, None
        for st in path:
            on = on + timedelta(days=int(gaps[st] * scale))
            steps.append((prev, st, on))
            prev = st
        steps = [s for s in steps if s[2] < until] or steps[:1]
    people = by_agency.get(k, [])
    contact = _one(rng, people)[0] if people and rng.random() < 0.7 else None
    status, last = steps[-1][1], steps[-1][2]
    row = {"id": None, "case_id": c.id, "child_person_id": first_child[c.id], "direction": direction,
           "service": service, "agency_id": agency_ids[k], "contact_id": contact,
           "reason": ("Referral that opened the case (demo)." if direction == "in"
                      else "Needs support the centre does not give (demo)."),
           "risk_level": _pick(rng, (("high", 15), ("medium", 45), ("low", 35), ("no_action", 5))) if direction == "in" else None,
           "status": status, "due_on": None, "rejection_reason": None, "outcome": None, "outcome_reason": None,
           "outcome_note": None, "from_action_id": None, "sent_on": None, "closed_on": None, "created_by": lead,
           "created_at": _noon(steps[0][2], 9), "updated_at": _noon(last, 11)}
    events = []
    for frm, to, on in steps:
        note = None
        if to == "sent":
            row["sent_on"] = on.isoformat()
        if to == "rejected":
            row["rejection_reason"] = note = _one(rng, _REJECTIONS)
        elif to == "revoked":
            note = _REVOKE_NOTE
        elif to == "done":
            if direction == "out" and rng.random() < 0.3:
                row["outcome"], row["outcome_reason"] = "not_successful", _pick(rng, _OUTCOME_REASONS)
                row["outcome_note"] = "Demo (fictional): the family will be asked again at the next review."
            else:
                row["outcome"] = "successful"
        if to in ("done", "rejected", "revoked", "lost_to_follow_up"):
            row["closed_on"] = on.isoformat()
        events.append((frm, to, on, note, lead))
    if status in _OPEN_REFERRAL:
        due = referral_due(status, last)
        row["due_on"] = due.isoformat() if due else None
    share = None
    if direction == "out" and row["sent_on"] and rng.random() < 0.6:
        items = sorted({_one(rng, _SHAREABLE) for _ in range(1 + int(rng.random() * 3))})
        recipient = next((p[1] for p in people if p[0] == contact), None) or AGENCIES[k][0]
        share = (items, _pick(rng, _LEGAL_BASES), recipient, agency_ids[k], date.fromisoformat(row["sent_on"]))
    return {"row": row, "events": events, "share": share, "case": c.id, "created": steps[0][2],
            "closed": date.fromisoformat(row["closed_on"]) if row["closed_on"] else None}
