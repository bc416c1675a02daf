"""Demo follow-up: plans, reminder history, full recoveries and alleged offences for a demo record.

`add_demo_followup` runs after demo.build_demo_record's cases exist (demo.py calls it, and the
follow-up benchmark does when a record lacks it). It reads the cases and their children and writes,
with bulk inserts and the derived columns computed here in Python by the same functions the core
uses (followup.compute_state, followup.compute_limitation):

  * recurring reviews (every 6 or 12 months, coordinator, therapist or medical discipline) with
    their history of completions; many children reach full recovery after some years, others
    decline further contact (some with a date to offer again), many reviews are still running,
    also in cases closed long ago, and a few are overdue, never done;
  * age milestones (12, 15, 18) from the referral, mostly completed when passed;
  * court dates (some with a time, stored in UTC with the zone name), action items, compensation
    deadlines, carers' surveys about 10 days and 2 months after the first visit, guardian reviews
    and recordings' fixity checks (interviewer discipline);
  * an alleged offence in most cases with an alleged offender, under the case's jurisdiction (SE,
    NO, ES, IS, UA, other), with its statute-of-limitation warning rule computed from the table.

All of it is fictional (reasons and notes say "demo"). No audit entries are written here: the
demo's own "demo.generated" entry covers the generated data. The same rng state and the same
record give the same rows.
"""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, insert, select

from barnahus_app.followup import actions as fu
from barnahus_app.timeutil import check_datetime
from barnahus_app.followup.tables import AllegedOffence, FollowUpEvent, FollowUpRule, FullRecovery
from barnahus_app.cases.tables import Case, CaseAbuseForm, CaseChild, CaseParty
from barnahus_app.interviews.tables import Interview
from barnahus_app.persons.tables import Person
from barnahus_app.tables import RecordMeta
from barnahus_app.recordings.tables import Recording
from barnahus_app.users.tables import User, UserRole

_INSERT_CHUNK = 20_000
_ZONES = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "ES": "Europe/Madrid", "IS": "Atlantic/Reykjavik",
          "UA": "Europe/Kyiv", "OTHER": "Europe/London"}
_CATEGORY = {
    "sexual_abuse_intrafamilial": "sexual_abuse_child", "sexual_abuse_extrafamilial": "sexual_abuse_child",
    "online_grooming": "online_grooming", "online_sexual_extortion": "online_sexual_extortion",
    "exploitation_travel_tourism": "sexual_exploitation_child", "trafficking": "trafficking_child",
    "child_forced_marriage": "child_forced_marriage", "physical_violence": "physical_violence",
    "witness_to_violence": "physical_violence",
}


def _category(form: str | None, rng: random.Random) -> str:
    if form is None:
        return "other"
    if form.startswith("sexual_exploitation"):
        return "sexual_exploitation_child"
    if form.startswith("csam"):
        return "csam_offence"
    if form.startswith("sale_"):
        return "sale_of_child" if form != "sale_sexual_exploitation" else "sexual_exploitation_child"
    cat = _CATEGORY.get(form, "other")
    if cat == "sexual_abuse_child" and rng.random() < 0.15:
        return "rape_child"
    return cat


def _ts(d: date, hour: int = 12) -> str:
    return f"{d.isoformat()}T{hour:02d}:00:00.000000Z"


class _Gen:
    def __init__(self, rng: random.Random, until: date, ids: dict, staff: dict, table: dict):
        self.rng, self.until, self.staff, self.table = rng, until, staff, table
        self.next_rule, self.next_event = ids["rule"], ids["event"]
        self.next_recovery, self.next_offence = ids["recovery"], ids["offence"]
        self.rules, self.events, self.recoveries, self.offences = [], [], [], []

    # --- one rule with its simulated history ---------------------------------------------------
    def rule(self, *, person, case, kind, lead, created: date, due_on: date | None, discipline="coordinator",
             interval=None, ages=None, until_recovery=False, history=(), recovered_at=(), dob=None,
             offence=None, limitation=None, due_at=None, zone=None, subject_kind=None, subject_id=None, note=None):
        rid = self.next_rule
        self.next_rule += 1
        by = self.staff.get(discipline) or lead
        evs = []
        for action, occ, on, new, reason in history:
            self.events.append({"id": self.next_event, "rule_id": rid, "action": action, "occurrence": occ,
                                "on_date": on.isoformat(), "new_due": new.isoformat() if new else None,
                                "reason": reason, "by_user": by, "at_utc": _ts(on, 13)})
            self.next_event += 1
            evs.append((action, occ, on, new))
        created_at = _ts(created, 9)
        status, pending = fu.compute_state(kind, due_on, interval, tuple(ages or ()), until_recovery,
                                           created_at, evs, dob, recovered_at, limitation)
        self.rules.append({
            "id": rid, "person_id": person, "case_id": case, "kind": kind, "discipline": discipline,
            "due_on": due_on.isoformat() if due_on else None, "due_at_utc": due_at, "time_zone": zone,
            "interval_months": interval, "ages": ",".join(map(str, ages)) if ages else None,
            "until_recovery": until_recovery, "subject_kind": subject_kind, "subject_id": subject_id,
            "offence_id": offence, "note": note, "status": status,
            "next_due": pending[0][1].isoformat() if pending else None,
            "pending": fu.encode_pending(pending), "created_by": lead, "created_at": created_at,
            "updated_at": created_at})
        return rid

    def _late(self) -> int:
        r = self.rng.random()
        return 0 if r < 0.75 else int(self.rng.random() * 40) - 5

    def recurring_history(self, due_on: date, interval: int, stop: date | None, dob: date | None,
                          allow_decline: bool = True, max_events: int = 60) -> list:
        """Completions from due_on on, until `stop` (full recovery) or until; perhaps a decline."""
        rng, until = self.rng, self.until
        end = min(stop, until) if stop else until
        hist, anchor, step, nominal = [], due_on, 0, due_on
        while nominal <= end and len(hist) < max_events:
            if rng.random() < 0.015:  # fell through the cracks: open (overdue) since then
                break
            adult = dob is not None and nominal >= fu.birthday(dob, 18)
            if allow_decline and rng.random() < (0.12 if adult else 0.015):
                offer = fu.add_months(nominal, 24) if rng.random() < 0.4 else None
                if offer is not None and offer <= until:
                    offer = None
                hist.append(("declined", f"due:{nominal.isoformat()}", min(nominal, until), offer,
                             "Declined further contact (demo)"))
                break
            on = min(nominal + timedelta(days=self._late()), until)
            if on > end:
                break
            hist.append(("completed", f"due:{nominal.isoformat()}", on, None, None))
            if on == nominal:
                step += 1
            else:
                anchor, step = on, 1
            nominal = fu.add_months(anchor, step * interval)
        return hist

    def once_history(self, key: str, due: date, p_done: float, p_declined: float, reason: str) -> list:
        if due > self.until:
            return []
        r = self.rng.random()
        on = min(due + timedelta(days=int(self.rng.random() * 20)), self.until)
        if r < p_done:
            return [("completed", key, on, None, None)]
        if r < p_done + p_declined:
            return [("declined", key, on, None, reason)]
        return []


def add_demo_followup(session_or_conn, rng: random.Random, until: date | None = None, *,
                      progress: Callable[[int, int], None] | None = None) -> dict:
    """Give the demo record's children follow-up plans, history, full recoveries and alleged
    offences (see the module docstring). session_or_conn: a Session (one transaction is opened)
    or a Connection inside the caller's transaction. Returns counts of the rows written."""
    if hasattr(session_or_conn, "record"):
        with session_or_conn.record.transaction() as conn:
            return _add(conn, rng, until, progress)
    return _add(session_or_conn, rng, until, progress)


def _max_id(conn, table) -> int:
    return conn.execute(select(func.max(table.c.id))).scalar() or 0


def _add(conn, rng: random.Random, until: date | None, progress) -> dict:
    until = until or fu.local_today()
    R, EV, FR, OF = (FollowUpRule.__table__, FollowUpEvent.__table__, FullRecovery.__table__,
                     AllegedOffence.__table__)
    C, CC, P = Case.__table__, CaseChild.__table__, Person.__table__
    ids = {"rule": _max_id(conn, R) + 1, "event": _max_id(conn, EV) + 1,
           "recovery": _max_id(conn, FR) + 1, "offence": _max_id(conn, OF) + 1}
    staff = {}
    for role in ("therapist", "medical", "interviewer", "liaison"):
        uid = conn.execute(select(UserRole.user_id).join(User, User.id == UserRole.user_id).where(
            UserRole.role == role, User.active.is_(True)).order_by(UserRole.user_id).limit(1)).scalar()
        if uid:
            staff[role] = uid
    table = fu.limitations_table()
    gen = _Gen(rng, until, ids, staff, table)

    cases = conn.execute(select(C.c.id, C.c.case_lead_id, C.c.referral_received_at, C.c.jurisdiction,
                                C.c.prosecution_reference).order_by(C.c.id)).all()
    children: dict[int, list] = {}
    for cid, pid, role in conn.execute(select(CC.c.case_id, CC.c.person_id, CC.c.role)
                                       .order_by(CC.c.case_id, CC.c.person_id)):
        children.setdefault(cid, []).append((pid, role))
    dobs = {pid: date.fromisoformat(d) for pid, d in conn.execute(
        select(P.c.id, P.c.date_of_birth).where(P.c.id.in_(select(CC.c.person_id)), P.c.date_of_birth.isnot(None)))}
    forms: dict[int, str] = {}
    for cid, code in conn.execute(select(CaseAbuseForm.case_id, CaseAbuseForm.code)
                                  .order_by(CaseAbuseForm.case_id, CaseAbuseForm.code)):
        forms.setdefault(cid, code)
    master_of = dict(conn.execute(  # the first master recording of each case's interviews
        select(Interview.case_id, func.min(Recording.id)).join(Interview, Interview.id == Recording.interview_id)
        .where(Recording.copy_kind == "master").group_by(Interview.case_id)).all())
    offender_cases = {r[0] for r in conn.execute(
        select(CaseParty.case_id).where(CaseParty.party_role == "alleged_offender").distinct())}

    seen_children: set[int] = set()
    recovery_of: dict[int, str] = {}
    total = len(cases)
    for n, (cid, lead, received, jur, prosecution) in enumerate(cases):
        if progress and n % 5000 == 0:
            progress(n, total)
        if cid not in children:
            continue
        ref = date.fromisoformat(received[:10])
        pid, role = children[cid][0]
        dob = dobs.get(pid)
        victim = role == "victim"
        first_case = pid not in seen_children
        seen_children.add(pid)

        # recurring review, until full recovery
        if rng.random() < (0.75 if victim else 0.4) and pid not in recovery_of:
            interval = 6 if rng.random() < 0.4 else 12
            r = rng.random()
            disc = "coordinator" if r < 0.55 else "therapist" if r < 0.9 else "medical"
            due = fu.add_months(ref, 3)
            stop = None
            if rng.random() < 0.7:  # full recovery after one to eight years
                stop = fu.add_months(ref, 12 + int(rng.random() * 84))
                if stop > until:
                    stop = None
            hist = gen.recurring_history(due, interval, stop, dob)
            recovered = ()
            if stop is not None and not (hist and hist[-1][0] == "declined"):
                recorded = _ts(stop, 15)
                gen.recoveries.append({"id": gen.next_recovery, "person_id": pid, "recovered_on": stop.isoformat(),
                                       "basis": "Demo: MDT review found full recovery (fictional).",
                                       "recorded_by": lead, "recorded_at": recorded, "meeting_id": None})
                gen.next_recovery += 1
                recovery_of[pid] = recorded
                recovered = (recorded,)
            gen.rule(person=pid, case=cid, kind="recurring_review", lead=lead, created=ref, due_on=due,
                     discipline=disc, interval=interval, until_recovery=True, history=hist,
                     recovered_at=recovered, dob=dob)

        # age milestones, once per child: 12, 15 and 18 (adult services)
        if first_case and dob is not None and rng.random() < 0.6:
            ages = fu.DEFAULT_MILESTONE_AGES
            hist = []
            for a in ages:
                d = fu.birthday(dob, a)
                if d < ref:
                    continue
                hist += gen.once_history(f"age:{a}", d, 0.85, 0.05, "Declined the milestone review (demo)")
            gen.rule(person=pid, case=cid if rng.random() < 0.8 else None, kind="age_milestone", lead=lead,
                     created=ref, due_on=ref, ages=ages, history=hist, dob=dob)

        # one-off dates
        if prosecution and rng.random() < 0.8:
            due = ref + timedelta(days=180 + int(rng.random() * 540))
            due_at = zone = None
            if rng.random() < 0.5:
                zone = _ZONES.get(jur, "Europe/Stockholm")
                local = datetime.combine(due, time(9 + int(rng.random() * 6), 0), ZoneInfo(zone))
                due_at = check_datetime("due_at", local)
                due = fu.local_date(due_at, zone)
            gen.rule(person=pid, case=cid, kind="court_date", lead=lead, created=ref, due_on=due,
                     due_at=due_at, zone=zone, history=gen.once_history(f"once:{due.isoformat()}", due, 0.97, 0, ""))
        if rng.random() < 0.15:
            due = ref + timedelta(days=30 + int(rng.random() * 60))
            gen.rule(person=pid, case=cid, kind="action_item", lead=lead, created=ref, due_on=due,
                     note="Demo action item (fictional).",
                     history=gen.once_history(f"once:{due.isoformat()}", due, 0.95, 0.02, "No longer needed (demo)"))
        if rng.random() < 0.05:
            due = ref + timedelta(days=365 + int(rng.random() * 730))
            gen.rule(person=pid, case=cid, kind="compensation_deadline", lead=lead, created=ref, due_on=due,
                     history=gen.once_history(f"once:{due.isoformat()}", due, 0.9, 0.05, "Claim withdrawn (demo)"))
        if ref.year >= 2015 and rng.random() < 0.5:
            for due in fu.carer_survey_dates(ref):
                gen.rule(person=pid, case=cid, kind="carer_survey", lead=lead, created=ref, due_on=due,
                         history=gen.once_history(f"once:{due.isoformat()}", due, 0.65, 0.25,
                                                  "Carer did not answer (demo)"))
        if rng.random() < 0.03:
            due = fu.add_months(ref, 6)
            stop = fu.birthday(dob, 18) if dob else None
            gen.rule(person=pid, case=cid, kind="guardian_review", lead=lead, created=ref, due_on=due, interval=12,
                     history=gen.recurring_history(due, 12, stop, None, allow_decline=False, max_events=20))
        if rng.random() < 0.1 and cid in master_of:
            due = fu.add_months(ref, 12)
            gen.rule(person=pid, case=cid, kind="fixity_check", lead=lead, created=ref, due_on=due, interval=12,
                     discipline="interviewer", subject_kind="recording", subject_id=master_of[cid],
                     history=gen.recurring_history(due, 12, None, None, allow_decline=False, max_events=30))

        # an alleged offence, with its statute-of-limitation warning
        if cid in offender_cases and victim and rng.random() < 0.9:
            oid = gen.next_offence
            gen.next_offence += 1
            cat = _category(forms.get(cid), rng)
            od = None
            if rng.random() < 0.9:
                od = ref - timedelta(days=int(rng.random() * 730))
                if dob and od < dob + timedelta(days=365):
                    od = min(ref, dob + timedelta(days=365))
            gen.offences.append({"id": oid, "case_id": cid, "victim_person_id": pid, "category": cat,
                                 "offence_date": od.isoformat() if od else None, "jurisdiction": jur,
                                 "created_by": lead, "created_at": received, "updated_at": received})
            lim = fu.compute_limitation(table, jur, cat, od, dob)
            gen.rule(person=pid, case=cid, kind="statute_warning", lead=lead, created=ref, due_on=None,
                     offence=oid, limitation=lim, dob=dob)

    # A recovery also ends the child's earlier recurring reviews, from other cases (as the core does).
    for rule in gen.rules:
        rec = recovery_of.get(rule["person_id"])
        if rule["until_recovery"] and rec is not None and rec >= rule["created_at"] and rule["status"] != "recovered":
            rule.update(status="recovered", next_due=None, pending=None)
    cur = conn.connection.dbapi_connection.cursor()  # plain executemany: SQLAlchemy's per-row cost is
    try:                                              # more than SQLite's at a million rows
        for tbl, rows in ((OF, gen.offences), (FR, gen.recoveries), (R, gen.rules), (EV, gen.events)):
            if not rows:
                continue
            cols = [c.name for c in tbl.columns]
            sql = f"INSERT INTO {tbl.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            for i in range(0, len(rows), _INSERT_CHUNK):
                cur.executemany(sql, [tuple(r[c] for c in cols) for r in rows[i:i + _INSERT_CHUNK]])
    finally:
        cur.close()
    M = RecordMeta.__table__
    conn.execute(delete(M).where(M.c.key == fu.LIMITATIONS_META_KEY))
    conn.execute(insert(M).values(key=fu.LIMITATIONS_META_KEY, value=fu.limitations_fingerprint(table)))
    if progress:
        progress(total, total)
    return {"followup_rules": len(gen.rules), "followup_events": len(gen.events),
            "full_recoveries": len(gen.recoveries), "alleged_offences": len(gen.offences)}
