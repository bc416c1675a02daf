"""Demo justice track and compensation (issue #16): a few proceedings in every state and claims
through to payment and to rejection, all fictional.

build.py calls `add_demo_justice` in the demo's last transaction, after the follow-up and the
meetings. Like the other generators it writes plain rows with no audit entry of its own (the
demo's "demo.generated" entry covers it), through the core's own pieces where a rule lives: the
release reminder is made by justice.actions._set_release (a follow-up rule computed by the
follow-up engine). Small on purpose: PROCEEDINGS open cases (not closed: an open reminder in a
closed case would be due for review) with an alleged offender, the oldest first, one pattern each:

  declined         reported, investigated, prosecution declined with the reason
  convicted        charged, indicted, a hearing, convicted, sentenced; release after `until`
                   (the reminder to inform the child and family is open); a claim in the
                   criminal case awarded and paid in two payments
  convicted_early  the same, released before `until`, the family informed; closed
  acquitted        acquitted, closed; a civil claim rejected
  appealed         convicted, appealed by the defence (waiting); a state-fund claim filed
  protection       child-protection proceedings, a hearing, an order made; closed

Dates follow the case's referral, never after `until`. The same record gives the same rows.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from types import SimpleNamespace

from sqlalchemy import insert, select

from barnahus_app.cases.tables import Case, CaseChild, CaseParty
from barnahus_app.followup.actions import R as RULES
from barnahus_app.justice.actions import CE, CH, CL, EV, PR, RE, SM, _set_release

PROCEEDINGS = 6
PATTERNS = ("declined", "convicted", "convicted_early", "acquitted", "appealed", "protection")
MARK = "(demo, fictional)"
C, CC, CP = Case.__table__, CaseChild.__table__, CaseParty.__table__


def _candidates(conn, n: int) -> list:
    """(case id, lead, referral date, child, offender) of the n oldest open cases with one child and
    an alleged offender who is no child."""
    children = select(CC.c.person_id)
    rows = conn.execute(
        select(C.c.id, C.c.case_lead_id, C.c.referral_received_at, CC.c.person_id, CP.c.person_id)
        .join(CC, CC.c.case_id == C.c.id).join(CP, CP.c.case_id == C.c.id)
        .where(C.c.status != "closed", CP.c.party_role == "alleged_offender", CP.c.person_id.notin_(children))
        .order_by(C.c.referral_received_at, C.c.id, CC.c.person_id, CP.c.person_id)).all()
    out, seen = [], set()
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
        if len(out) == n:
            break
    return out


def add_demo_justice(conn, rng: random.Random, until: date) -> int:
    """Write the demo's proceedings and claims; returns how many proceedings."""
    made = 0
    for pattern, (case_id, lead, received, child, offender) in zip(PATTERNS, _candidates(conn, PROCEEDINGS)):
        start = date.fromisoformat(received[:10])
        span = max(30, min((until - start).days - 1, 900))

        def day(fraction: float) -> str:
            return (start + timedelta(days=int(span * fraction))).isoformat()

        now = day(1.0) + "T12:00:00.000000Z"
        kind = "child_protection" if pattern == "protection" else "criminal"
        pid = conn.execute(insert(PR).values(
            case_id=case_id, child_person_id=child, offender_person_id=offender, kind=kind, status="open",
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
                charge = conn.execute(insert(CH).values(proceeding_id=pid, category="sexual_abuse_child")
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
    return made


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
