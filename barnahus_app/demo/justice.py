"""Demo justice track and compensation (issue #16): a few proceedings in every state and claims
through to payment and to rejection, all fictional.

build.py calls `add_demo_justice` in the demo's last transaction, after the follow-up and the
meetings. Like the other generators it writes plain rows with no audit entry of its own (the
demo's "demo.generated" entry covers it), through the core's own pieces where a rule lives: the
release reminder is made by justice.actions._set_release (a follow-up rule computed by the
follow-up engine). Small on purpose: PROCEEDINGS open cases (not closed: an open reminder in a
closed case would be due for review) with an alleged offender and an alleged offence against the
child (the criminal proceeding and its charge name it), the oldest first, one pattern each:

  declined         reported, investigated, prosecution declined with the reason
  convicted        charged, indicted, a hearing, convicted, sentenced; the family wish to be
                   told of the release, which is after `until` (the reminder to inform the
                   child and family is open); a claim in the
                   criminal case awarded and paid in two payments
  convicted_early  the same, released before `until`, the family informed; closed
  acquitted        acquitted, closed; a civil claim rejected
  appealed         convicted, appealed by the defence (waiting); a state-fund claim filed
  protection       child-protection proceedings, a hearing, an order made; closed

Dates follow the case's referral, never after `until`. The same record gives the same rows.

Besides these, `_bulk_proceedings` gives about a third of all cases (BULK_SHARE; the others with an
alleged offender who is no child, the pattern cases left out) a criminal proceeding whose events
follow the case's referral along one of the usual courses: declined or no further action (mostly
closed later), or charged, indicted, a hearing, a verdict (convicted, plea, acquitted, dismissed),
a sentence, sometimes an appeal, the final disposition. Only what happened by `until` is written,
and the hearing that comes next when it falls within BULK_AHEAD days after it (scheduled); so recent
cases wait for a charge decision or a verdict, and the liaison's Today faces a record's real volume.
Where the follow-up demo gave the child a compensation deadline in that case, a claim in the
criminal case has it as its deadline: filed, then paid after a conviction or rejected after
another end. Bulk rows (plain executemany, like demo/followup.py): no follow-up rule per hearing or
verdict, no release date (the patterns above show those).
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from types import SimpleNamespace

from sqlalchemy import func, insert, select

from barnahus_app.cases.tables import Case, CaseChild, CaseParty
from barnahus_app.followup.actions import R as RULES
from barnahus_app.followup.tables import AllegedOffence
from barnahus_app.justice.actions import CE, CH, CL, CRIMINAL_FLOW, EV, PR, RE, SM, _set_release

PROCEEDINGS = 6
BULK_SHARE = 1 / 3    # of all cases: a criminal proceeding (bulk)
BULK_AHEAD = 90       # days after `until` within which the next hearing is already scheduled
PATTERNS = ("declined", "convicted", "convicted_early", "acquitted", "appealed", "protection")
MARK = "(demo, fictional)"
C, CC, CP = Case.__table__, CaseChild.__table__, CaseParty.__table__
OF = AllegedOffence.__table__
_INSERT_CHUNK = 20_000


def _candidates(conn, n: int | None, open_only: bool = True) -> list:
    """(case id, lead, referral date, child, offender) of the n oldest (open) cases with a child and
    an alleged offender who is no child (all of them when n is None)."""
    children = select(CC.c.person_id)
    rows = conn.execute(
        select(C.c.id, C.c.case_lead_id, C.c.referral_received_at, CC.c.person_id, CP.c.person_id)
        .join(CC, CC.c.case_id == C.c.id).join(CP, CP.c.case_id == C.c.id)
        .where(*((C.c.status != "closed",) if open_only else ()), CP.c.party_role == "alleged_offender",
               CP.c.person_id.notin_(children))
        .order_by(C.c.referral_received_at, C.c.id, CC.c.person_id, CP.c.person_id)).all()
    out, seen = [], set()
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
        if len(out) == n:
            break
    return out


def _offences(conn) -> dict:
    """(id, category) of each case's first alleged offence against a child, by (case, child)."""
    out = {}
    for oid, case_id, victim, category in conn.execute(
            select(OF.c.id, OF.c.case_id, OF.c.victim_person_id, OF.c.category).order_by(OF.c.id)):
        out.setdefault((case_id, victim), (oid, category))
    return out


def add_demo_justice(conn, rng: random.Random, until: date) -> int:
    """Write the demo's proceedings and claims; returns how many proceedings."""
    made = 0
    offences = _offences(conn)
    # the patterns' cases have an alleged offence against the child, which the proceeding names
    patterns = [r for r in _candidates(conn, None) if (r[0], r[3]) in offences][:PROCEEDINGS]
    for pattern, (case_id, lead, received, child, offender) in zip(PATTERNS, patterns):
        offence_id, category = offences[(case_id, child)]
        start = date.fromisoformat(received[:10])
        span = max(30, min((until - start).days - 1, 900))

        def day(fraction: float) -> str:
            return (start + timedelta(days=int(span * fraction))).isoformat()

        now = day(1.0) + "T12:00:00.000000Z"
        kind = "child_protection" if pattern == "protection" else "criminal"
        pid = conn.execute(insert(PR).values(
            case_id=case_id, child_person_id=child, offender_person_id=offender, kind=kind, status="open",
            offence_id=offence_id if kind == "criminal" else None,
            police_reference=None if kind != "criminal" else f"POL-DEMO-{case_id}",
            participation=rng.choice(("recorded_interview_used", "live_link", "not_at_all")),
            created_by=lead, created_at=now, updated_at=now)).inserted_primary_key[0]
        made += 1

        def event(k: str, frac: float, **kw) -> int:
            return conn.execute(insert(EV).values(proceeding_id=pid, kind=k, on_date=day(frac), created_by=lead,
                                                  created_at=now, **kw)).inserted_primary_key[0]

        status, closed = "open", None
        if kind == "child_protection":
            event("hearing", 0.3)
            event("final_disposition", 0.4, outcome="order_made")
            status, closed = "closed", day(0.4)
        else:
            event("reported_to_police", 0.02)
            event("investigation_opened", 0.05)
            if pattern == "declined":
                event("charge_decision", 0.3, decision="declined", reason=f"Insufficient evidence {MARK}")
                status = "declined"
            else:
                event("charge_decision", 0.2, decision="charged")
                charge = conn.execute(insert(CH).values(proceeding_id=pid, category=category, offence_id=offence_id)
                                      ).inserted_primary_key[0]
                event("indictment", 0.25)
                event("hearing", 0.3)
                verdict = "acquitted" if pattern == "acquitted" else "convicted"
                event("verdict", 0.35, charge_id=charge, outcome=verdict)
                conn.execute(CH.update().where(CH.c.id == charge).values(verdict=verdict, verdict_on=day(0.35)))
                conn.execute(insert(SM).values(proceeding_id=pid, measure="companion_present"))
                status = "decided"
                if pattern == "acquitted":
                    event("final_disposition", 0.4, outcome="acquitted")
                    status, closed = "closed", day(0.4)
                elif pattern == "appealed":
                    event("appeal", 0.4)
                    status = "appealed"
                else:
                    event("sentence", 0.4)
                    status = "sentenced"
        conn.execute(PR.update().where(PR.c.id == pid).values(status=status, closed_on=closed,
                                                              child_view="partly_satisfied" if closed else None))
        if pattern in ("convicted", "convicted_early"):
            release = (until + timedelta(days=200) if pattern == "convicted" else date.fromisoformat(day(0.8)))
            # asked at the sentence, the family wish to be told of the release (004 para 59)
            conn.execute(PR.update().where(PR.c.id == pid).values(release_wish="wanted", release_wish_on=day(0.4)))
            p = conn.execute(select(PR).where(PR.c.id == pid)).first()
            rid = _set_release(SimpleNamespace(user_id=lead), conn, p, release.isoformat())
            # the core stamps the time of day it ran; the demo's rows carry their own (same seed,
            # same rows)
            conn.execute(RULES.update().where(RULES.c.id == rid).values(created_at=now, updated_at=now))
            conn.execute(PR.update().where(PR.c.id == pid).values(updated_at=now))
            if pattern == "convicted_early":
                conn.execute(PR.update().where(PR.c.id == pid).values(
                    release_informed_on=day(0.75), release_informed_by=lead, status="closed", closed_on=day(0.85)))
                event("final_disposition", 0.85, outcome="convicted")
                _complete_release(conn, pid, day(0.75), lead)
        _claims(conn, pattern, case_id, child, pid, lead, day, now)
    return made + _bulk_proceedings(conn, rng, until, {r[0] for r in patterns})


def _bulk_proceedings(conn, rng: random.Random, until: date, skip: set) -> int:
    """About BULK_SHARE of all cases get a criminal proceeding (see the module's docstring)."""
    (cases,) = conn.execute(select(func.count()).select_from(C)).one()
    pool = [r for r in _candidates(conn, None, open_only=False) if r[0] not in skip]
    if not pool:
        return 0
    share = min(1.0, cases * BULK_SHARE / len(pool))
    offences = _offences(conn)
    deadlines = {}
    for rid, case_id, person, due in conn.execute(
            select(RULES.c.id, RULES.c.case_id, RULES.c.person_id, RULES.c.due_on)
            .where(RULES.c.kind == "compensation_deadline").order_by(RULES.c.id)):
        deadlines.setdefault((case_id, person), (rid, due))
    ids = {t.name: (conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1 for t in (PR, EV, CH, CL, CE)}
    procs, events, charges, claims, steps = [], [], [], [], []
    last_day = until + timedelta(days=BULK_AHEAD)
    for case_id, lead, received, child, offender in pool:
        if rng.random() >= share:
            continue
        course = _course(rng, date.fromisoformat(received[:10]))
        # what happened by `until`, and the next hearing when it is already scheduled
        kept = [e for e in course if e[1] <= until]
        nxt = course[len(kept)] if len(kept) < len(course) else None
        if nxt is not None and nxt[0] == "hearing" and nxt[1] <= last_day:
            kept.append(nxt)
        if not kept:   # referred in the last days: not yet reported
            continue
        pid = ids[PR.name]
        ids[PR.name] += 1
        offence = offences.get((case_id, child))
        charge_id, status, closed, participation = None, "open", None, None
        for kind, on, extra in kept:
            if kind == "charge_decision" and extra["decision"] == "charged":
                charge_id = ids[CH.name]
                ids[CH.name] += 1
                charges.append({"id": charge_id, "proceeding_id": pid,
                                "category": offence[1] if offence else "sexual_abuse_child",
                                "offence_id": offence[0] if offence else None, "verdict": None, "verdict_on": None})
            if kind == "verdict":
                extra = {**extra, "charge_id": charge_id}
                charges[-1].update(verdict=extra["outcome"], verdict_on=on.isoformat())
            if kind == "hearing" and on <= until:
                participation = participation or rng.choice(("recorded_interview_used", "live_link", "in_court",
                                                                    "not_at_all"))
            after = CRIMINAL_FLOW[kind][1]
            if kind == "charge_decision":
                after = extra["decision"]
            status = after or status
            if kind == "final_disposition":
                closed = on.isoformat()
            events.append({"id": ids[EV.name], "proceeding_id": pid, "kind": kind, "on_date": on.isoformat(),
                           "at_utc": None, "time_zone": None, "decision": extra.get("decision"),
                           "reason": extra.get("reason"), "charge_id": extra.get("charge_id"),
                           "outcome": extra.get("outcome"), "followup_rule_id": None, "created_by": lead,
                           "created_at": f"{min(on, until).isoformat()}T12:00:00.000000Z"})
            ids[EV.name] += 1
        first, last = kept[0][1], min(kept[-1][1], until)
        procs.append({"id": pid, "case_id": case_id, "child_person_id": child, "offender_person_id": offender,
                      "kind": "criminal", "status": status, "offence_id": offence[0] if offence else None,
                      "police_reference": f"POL-{first.year}-{case_id}", "court_reference": None,
                      "participation": participation, "support_person_id": None, "support_person_name": None,
                      "legal_representative": None, "child_view": None, "child_view_words": None,
                      "child_view_on": None, "release_on": None, "release_rule_id": None,
                      "release_informed_on": None, "release_informed_by": None, "release_wish": None,
                      "release_wish_on": None, "closed_on": closed,
                      "created_by": lead, "created_at": f"{first.isoformat()}T12:00:00.000000Z",
                      "updated_at": f"{last.isoformat()}T12:00:00.000000Z"})
        if (case_id, child) in deadlines and len(kept) > 2:
            rid, due = deadlines[(case_id, child)]
            end = (charges[-1]["verdict"] if charges else None) if closed else None
            path = [("rights_not_explained", kept[0][1], None), ("explained", kept[1][1], None),
                    ("filed", kept[2][1], 1_000_000 + 100_000 * int(rng.random() * 40))]
            if end in ("convicted", "plea"):
                path += [("awarded", date.fromisoformat(closed), path[-1][2] // 2),
                         ("paid", date.fromisoformat(closed), path[-1][2] // 2)]
            elif closed:
                path.append(("rejected", date.fromisoformat(closed), None))
            cid = ids[CL.name]
            ids[CL.name] += 1
            for status, on, amount in path:
                steps.append({"id": ids[CE.name], "claim_id": cid, "status": status, "on_date": on.isoformat(),
                              "amount": amount, "by_user": lead, "at_utc": f"{on.isoformat()}T12:00:00.000000Z"})
                ids[CE.name] += 1
            awarded = path[3][2] if len(path) > 4 else None
            claims.append({"id": cid, "case_id": case_id, "child_person_id": child, "route": "criminal_case",
                           "proceeding_id": pid, "claimant": "guardian", "claimant_person_id": None,
                           "representative": None, "status": path[-1][0], "currency": "SEK",
                           "amount_claimed": path[2][2], "amount_awarded": awarded, "amount_paid": awarded or 0,
                           "filed_on": path[2][1].isoformat(),
                           "decided_on": path[3][1].isoformat() if len(path) > 3 else None,
                           "paid_on": path[4][1].isoformat() if len(path) > 4 else None,
                           "deadline_on": due, "deadline_rule_id": rid, "created_by": lead,
                           "created_at": steps[-len(path)]["at_utc"], "updated_at": steps[-1]["at_utc"]})
    cur = conn.connection.dbapi_connection.cursor()   # plain executemany, as demo/followup.py
    try:
        for tbl, rows in ((PR, procs), (CH, charges), (EV, events), (CL, claims), (CE, steps)):
            cols = [c.name for c in tbl.columns]
            sql = f"INSERT INTO {tbl.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            for i in range(0, len(rows), _INSERT_CHUNK):
                cur.executemany(sql, [tuple(r[c] for c in cols) for r in rows[i:i + _INSERT_CHUNK]])
    finally:
        cur.close()
    return len(procs)


def _course(rng: random.Random, ref: date) -> list:
    """The whole course of one criminal proceeding from a referral on `ref`: [(kind, date, extra)]."""
    out, day = [], ref + timedelta(days=int(rng.random() * 20))

    def step(kind: str, lo: int, hi: int, **extra) -> None:
        nonlocal day
        day += timedelta(days=lo + int(rng.random() * (hi - lo)))
        out.append((kind, day, extra))

    step("reported_to_police", 0, 1)
    step("investigation_opened", 3, 40)
    r = rng.random()
    if r < 0.45:
        declined = r < 0.35
        step("charge_decision", 60, 300, decision="declined" if declined else "no_further_action",
             **({"reason": f"Insufficient evidence {MARK}"} if declined else {}))
        if rng.random() < 0.8:
            step("final_disposition", 30, 120, outcome="declined" if declined else "no_further_action")
        return out
    step("charge_decision", 60, 300, decision="charged")
    step("indictment", 14, 60)
    step("hearing", 30, 180)
    v = rng.random()
    verdict = "convicted" if v < 0.65 else "plea" if v < 0.75 else "acquitted" if v < 0.95 else "dismissed"
    step("verdict", 0, 21, outcome=verdict)
    if verdict in ("convicted", "plea"):
        step("sentence", 0, 30)
        if rng.random() < 0.15:
            step("appeal", 14, 30)
            step("hearing", 60, 200)
            step("verdict", 0, 21, outcome="convicted" if rng.random() < 0.7 else "acquitted")
    final = out[-1][2].get("outcome") if out[-1][0] == "verdict" else "convicted"
    step("final_disposition", 30, 120, outcome="convicted" if final == "plea" else final)
    return out


def _complete_release(conn, pid: int, on: str, lead: int) -> None:
    from barnahus_app.followup.actions import EV as FEV, recompute
    rid = conn.execute(select(PR.c.release_rule_id).where(PR.c.id == pid)).scalar()
    (key, _due, _flag) = recompute(conn, RULES.c.id == rid)[rid][1][0]
    conn.execute(insert(FEV).values(rule_id=rid, action="completed", occurrence=key, on_date=on, by_user=lead,
                                    at_utc=on + "T12:00:00.000000Z"))
    recompute(conn, RULES.c.id == rid)


def _claims(conn, pattern: str, case_id: int, child: int, pid: int, lead: int, day, now: str) -> None:
    steps = {
        "convicted": ("criminal_case", [("explained", 0.06, None), ("filed", 0.2, 4_000_000),
                                        ("awarded", 0.35, 3_000_000), ("partly_paid", 0.45, 1_000_000),
                                        ("paid", 0.55, 2_000_000)]),
        "acquitted": ("civil_claim", [("explained", 0.06, None), ("filed", 0.2, 2_500_000),
                                      ("rejected", 0.5, None)]),
        "appealed": ("state_fund", [("explained", 0.06, None), ("filed", 0.36, 1_500_000)]),
    }.get(pattern)
    if steps is None:
        return
    route, path = steps
    conn.execute(insert(RE).values(case_id=case_id, child_person_id=child, stage="after_interview",
                                   explained_on=day(0.06), by_user=lead, at_utc=now))
    cid = conn.execute(insert(CL).values(
        case_id=case_id, child_person_id=child, route=route, proceeding_id=pid if route == "criminal_case" else None,
        claimant="guardian", status="rights_not_explained", currency="SEK", amount_paid=0, created_by=lead,
        created_at=now, updated_at=now)).inserted_primary_key[0]
    conn.execute(insert(CE).values(claim_id=cid, status="rights_not_explained", on_date=day(0.01), by_user=lead,
                                   at_utc=now))
    values: dict = {"amount_paid": 0}
    for status, frac, amount in path:
        conn.execute(insert(CE).values(claim_id=cid, status=status, on_date=day(frac), amount=amount, by_user=lead,
                                       at_utc=now))
        values["status"] = status
        if status == "filed":
            values.update(amount_claimed=amount, filed_on=day(frac))
        elif status in ("awarded", "rejected"):
            values.update(decided_on=day(frac), **({"amount_awarded": amount} if amount else {}))
        elif status in ("paid", "partly_paid"):
            values.update(amount_paid=values["amount_paid"] + amount, paid_on=day(frac))
    conn.execute(CL.update().where(CL.c.id == cid).values(**values))
