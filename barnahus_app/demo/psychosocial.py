"""Demo psychosocial follow-up (issue #15): screens over years with improving and relapsing
trajectories, treatment episodes with their sessions, support for a non-offending carer, crisis
contacts and recovery plans, all fictional.

build.py calls `add_demo_psychosocial` after the medical demo, with a session of the demo's
therapist (whose unlock created the sealed section "therapy"). Unlike the bulk generators it
goes through the core's own calls (scoring, sealing, reminders, audit), one call per fact: the
psychosocial follow-up is a small share of the cases (at most CHILDREN children, chosen from the
open cases), so the calls cost seconds, not minutes, even at 100k cases.

What it makes, per chosen child (ages for CATS 7-17 today, or no date of birth):
  * a trajectory of CATS 7-17 screens every three to six months: "improving" (from probable PTSD
    down below the screening range) or "relapsing" (down, up again after a new stressor, down);
    the baseline's prompt resolved by a diagnostic assessment; a re-screen every 6 months;
  * a course of TF-CBT from the baseline, 16-20 fortnightly sessions (a relapsing child gets a
    second course), some missed or cancelled, the carer taking part in some, each attended one
    with a short note (sealed); a course whose last session is still ahead is running;
  * a recovery plan of three goals in different domains with review dates, the oldest achieved;
  * for some: a carer's support episode (family therapy) and a crisis contact.
One child aged 17 has 60 screens over the ten years CATS 7-17 covers (what the trend benchmark
draws; one instrument's ages bound a child's history with it). The same rng state and the same record give the same rows.
"""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from barnahus_app.cases.tables import Case, CaseChild, CaseParty
from barnahus_app.persons.tables import Person
from barnahus_app.psychosocial import instruments

ZONE = ZoneInfo("Europe/Stockholm")   # the demo centre's
CHILDREN = 40
LONG_SCREENS = 60
INSTRUMENT = "CATS-7-17"
GOALS = (("mental_health", "Fewer nightmares; sleeps through most nights (demo, fictional)"),
         ("education", "Back at school full time (demo, fictional)"),
         ("family", "Carer knows how to respond to trauma reminders (demo, fictional)"),
         ("safety", "A safety plan the child can name (demo, fictional)"),
         ("social", "Joins an after-school activity (demo, fictional)"),
         ("vocational_life_skills", "Work-experience placement (demo, fictional)"))


def add_demo_psychosocial(session, rng: random.Random, until: date) -> int:
    """Write the demo's psychosocial follow-up; returns the number of children followed."""
    today = min(until, date.today())
    children, long = _chosen(session, rng, today)
    for i, (case_id, child_id, carer_id) in enumerate(children):
        if i == 0 and long:
            _child(session, rng, case_id, child_id, None, today, years=10, screens=LONG_SCREENS)
        else:
            _child(session, rng, case_id, child_id, carer_id, today, years=rng.choice((1, 2, 3, 4)),
                   screens=None)
    return len(children)


def _chosen(session, rng: random.Random, today: date) -> tuple[list[tuple[int, int, int | None]], bool]:
    """(case, child, a non-offending carer or None) of open cases: the first aged 17 and 7 ten
    years ago (the long history; True when there is one), the others of CATS 7-17 age today and
    four years ago."""
    CC, P, C, CP = CaseChild.__table__, Person.__table__, Case.__table__, CaseParty.__table__
    with session.record.engine.connect() as conn:
        rows = conn.execute(
            select(CC.c.case_id, CC.c.person_id, P.c.date_of_birth)
            .join(C, C.c.id == CC.c.case_id).join(P, P.c.id == CC.c.person_id)
            .where(C.c.status != "closed").order_by(CC.c.case_id).limit(20_000)).all()
        parties = conn.execute(select(CP.c.case_id, CP.c.person_id, CP.c.party_role)
                               .where(CP.c.case_id.in_({r.case_id for r in rows}))).all()
    roles: dict[tuple[int, int], set[str]] = {}
    for p in parties:
        roles.setdefault((p.case_id, p.person_id), set()).add(p.party_role)
    carers: dict[int, int] = {}
    for (case_id, person_id), r in sorted(roles.items()):
        if "carer" in r and "alleged_offender" not in r:
            carers.setdefault(case_id, person_id)
    born = {r.person_id: date.fromisoformat(r.date_of_birth) for r in rows if r.date_of_birth}
    long = [r for r in rows if r.person_id in born and _age(born[r.person_id], today) == 17
            and _age(born[r.person_id], today - timedelta(days=3660)) >= 7]
    fit = [r for r in rows if r.person_id in born and 11 <= _age(born[r.person_id], today) <= 17
           and r not in long[:1]]
    rng.shuffle(fit)
    picked = long[:1] + fit[:CHILDREN - len(long[:1])]
    return [(r.case_id, r.person_id, carers.get(r.case_id)) for r in picked], bool(long)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _answers(rng: random.Random, total: int) -> dict[str, int]:
    """Twenty answers 0-3 adding up to total (0-60)."""
    values = [0] * 20
    for _ in range(max(0, min(60, total))):
        i = rng.choice([k for k in range(20) if values[k] < 3])
        values[i] += 1
    return {f"s{k + 1}": v for k, v in enumerate(values)}


def _child(session, rng, case_id, child_id, carer_id, today: date, *, years: int, screens: int | None) -> None:
    start = today - timedelta(days=365 * years)
    relapsing = screens is not None or rng.random() < 0.35
    n = screens or max(3, years * rng.choice((2, 3)))
    step = (today - start).days // n
    days = [start + timedelta(days=k * step + rng.randrange(0, max(1, step // 4))) for k in range(n)]
    cutoff = instruments.get(INSTRUMENT).cutoff
    first = None
    for k, on in enumerate(days):
        progress = k / max(1, n - 1)
        level = 34 - 26 * progress
        if relapsing and 0.45 < progress < 0.7:
            level += 18 * (1 - abs(progress - 0.575) / 0.125)
        total = int(max(0, min(60, round(level + rng.uniform(-3, 3)))))
        point = "baseline" if k == 0 else "follow_up" if k == n - 1 else "during_treatment"
        aid = session.record_administration(case_id, child_id, INSTRUMENT, time_point=point,
                                            respondent="child", administered_on=on,
                                            answers=_answers(rng, total))
        if total >= cutoff:
            session.resolve_screen(aid, action="diagnostic_assessment")
        first = first or on
    session.set_rescreen(case_id, child_id, INSTRUMENT, every_months=6)
    # TF-CBT: 16 to 20 fortnightly sessions from the baseline; after a relapse, another course.
    _episode(session, rng, case_id, child_id, "tf_cbt", first, today)
    if relapsing:
        _episode(session, rng, case_id, child_id, "tf_cbt", days[n // 2 + 1], today)
    for j, (domain, goal) in enumerate(rng.sample(GOALS, 3)):
        review = today + timedelta(days=30 * (j + 1))
        gid = session.add_recovery_goal(case_id, child_id, domain=domain, goal=goal,
                                        helper="Demo school counsellor (fictional)" if domain == "education" else None,
                                        review_on=review)
        if j == 0:
            session.update_recovery_goal(gid, status="achieved")
    if carer_id is not None and rng.random() < 0.5:
        _episode(session, rng, case_id, carer_id, "family_therapy", first + timedelta(days=14), today)
    if rng.random() < 0.3:
        session.record_crisis_contact(case_id, child_id, occurred_at=datetime.combine(days[len(days) // 3], time(19, 30), ZONE),
                                      notes="Called the crisis line; calmed, safety plan gone through (demo, fictional).")


def _episode(session, rng, case_id, person_id, model, started: date, today: date) -> None:
    """A course of 16-20 fortnightly sessions; still running when its last session is after today."""
    eid = session.start_episode(case_id, person_id, model, started_on=started, therapist_id=session.user_id)
    dates = [started + timedelta(days=14 * k) for k in range(rng.randint(16, 20))]
    for on in (d for d in dates if d <= today):
        status = rng.choices(("attended", "missed", "cancelled"), (0.82, 0.1, 0.08))[0]
        session.record_session(eid, held_on=on, status=status, carer_took_part=rng.random() < 0.3,
                               notes="Worked on the trauma narrative; practised relaxation (demo, fictional)."
                               if status == "attended" else None)
    if dates[-1] <= today:
        session.end_episode(eid, ended_on=dates[-1], end_reason="completed")
