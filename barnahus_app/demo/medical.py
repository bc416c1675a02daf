"""Demo medical examinations (issue #14): examinations of every kind, findings, reviews, tests,
forensic samples with their custody and photo documentation, all fictional.

build.py calls `add_demo_medical` last, with a session of the demo's medical user (whose unlock
created the sealed section "medical", sealed to both medical users). It writes in ONE
transaction, with plain inserts as the other demo generators do and no audit entry (the demo's
"demo.generated" entry covers it), but through the core's own pieces where a rule lives:
  * every booking passes the one conflict engine (medical.actions._check_plan: room, examiner,
    the child, the no-contact buffer, against interviews, meetings and the examinations written
    before it); a slot that clashes moves to the next free one, so nobody and no room is
    double-booked and nothing is overridden; acute is derived as the core derives it;
  * the detail is sealed with the section key (the session's SectionKeys.write);
  * custody events, reminders (followup rules of the medical discipline) and their completion
    are written by the core's functions (insert_custody_event, _medical_rule, complete_occurrence).

What it makes:
  * examinations spread over the demo's years, on Mondays, Wednesdays and Fridays (not the case
    review's Tuesday nor Thursday's planning meeting), 10:00 or 13:30 in the medical room; every
    kind, commissioner and priority; acute forensic ones with a last contact within the acute
    window; some declined by the child (never held: no child is examined by force), some
    cancelled, a few after `until` still planned;
  * held ones: the agreement, who was present, findings in every group of the classification
    (those needing an expert review: the older half reviewed by the second medical user, the
    newer ones waiting in the review queue), notes and a statement (some released for the case
    summary), tests (STI, pregnancy, HIV) whose result came in or, in the last weeks of a case
    still open, is pending (a reminder of the medical role), an outcome released (a follow-up
    examination needed, in a case still open, is a reminder too), the child told the result;
  * forensic ones: samples with a kit ID and seal, stored, most handed to the police (the team's
    coordination fact), some sent to a laboratory; photographs registered by hash from small
    generated PPM files in `image_dir` (an original and a derived crop), viewed, some released
    for the prosecutor;
  * one child of an open case with a long history of 20 examinations (what the benchmark opens).

Open reminders are left only in cases that are not closed: a closed case with an open reminder
would be due for review, and the demo's meeting agendas were built without it.
The same rng state and the same record give the same rows (the section's nonces aside).
"""
from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, update

from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.followup.actions import complete_occurrence
from barnahus_app.followup.tables import FollowUpRule
from barnahus_app.interviews.tables import Room
from barnahus_app.medical import findings as classification
from barnahus_app.medical.actions import (
    EX, FI, PR, RL, RV, TE, _acute, _check_plan, _close_follow_up_reminders, _medical_rule,
)
from barnahus_app.medical.tables import ForensicSample, MedicalImage
from barnahus_app.recordings.actions import ITEM_COLUMNS
from barnahus_app.recordings.tables import CustodyEvent
from barnahus_app.timeutil import to_utc_iso
from barnahus_app.users.tables import User

SECTION = "medical"
ZONE = "Europe/Stockholm"
KINDS = ("initial_health_assessment", "acute_forensic", "non_acute_forensic", "follow_up")
COMMISSIONERS = ("prosecution", "police", "health", "social_services")
PRIORITIES = ("emergent", "urgent", "non_urgent")
SITES = ("anogenital", "hymen", "vulva", "perianal", "oral", "skin_other", "other")
SAMPLE_TYPES = ("oral_swab", "genital_swab", "skin_swab", "fingernail", "clothing", "urine")
TEST_KINDS = ("sti", "pregnancy", "hiv")
SLOTS = (time(10, 0), time(13, 30))
WEEKDAYS = (0, 2, 4)            # Monday, Wednesday, Friday
LONG_HISTORY = 20               # examinations of the one child the benchmark opens
PENDING_DAYS = 60               # tests ordered this close to `until` (in an open case) are still pending
MARK = "(demo, fictional)"
FS, IM, CE = ForensicSample.__table__, MedicalImage.__table__, CustodyEvent.__table__
RULES = FollowUpRule.__table__


def demo_examination_count(cases: int) -> int:
    """How many examinations besides the long history: enough for every kind and group at a
    few hundred cases, a few hundred at 100k."""
    return max(24, min(cases // 500, 200))


class _Quiet:
    """The medical user as the core's helper functions see a session, without audit entries:
    the demo's one "demo.generated" entry covers what is written here."""

    def __init__(self, session):
        self.user_id, self.display_name, self.username = session.user_id, session.display_name, session.username

    def _audit(self, *args, **kwargs) -> None:
        pass


def add_demo_medical(session, rng: random.Random, until: date, image_dir: Path) -> dict:
    """Examinations with their detail, in one transaction of the medical user's session.
    Returns counts."""
    today = datetime.now(timezone.utc).date()
    until = min(until, today - timedelta(days=1))
    C, CC = Case.__table__, CaseChild.__table__
    with session.record.transaction() as conn:
        room = conn.execute(select(Room.__table__.c.id).where(Room.__table__.c.kind == "medical")
                            .order_by(Room.__table__.c.id)).scalar()
        reviewer = conn.execute(select(User.__table__.c.id).where(User.__table__.c.username == "medical2")).scalar()
        first_child: dict[int, tuple] = {}
        for cid, received, status, child in conn.execute(
                select(C.c.id, C.c.referral_received_at, C.c.status, CC.c.person_id)
                .join(CC, CC.c.case_id == C.c.id).order_by(C.c.id, CC.c.person_id)):
            first_child.setdefault(cid, (cid, date.fromisoformat(received[:10]), status != "closed", child))
        pool = list(first_child.values())
        if not pool or room is None:
            return {"examinations": 0}
        first_rule = (conn.execute(select(func.max(RULES.c.id))).scalar() or 0) + 1
        g = _Gen(session, conn, rng, room, until, Path(image_dir))
        n = min(demo_examination_count(len(pool)), len(pool))
        step = len(pool) / n
        for i in range(n):
            cid, received, open_, child = pool[int(i * step)]
            day = min(received + timedelta(days=rng.randint(1, 10)), until - timedelta(days=1))
            g.examination(cid, child, open_, KINDS[i % 4], day, group=(i % 6) + 1 if i % 5 != 4 else None,
                          fate=_fate(i))
        # the long history: a child of an open case examined 20 times, monthly, up to about now
        open_cases = [p for p in pool if p[2]] or pool
        cid, _received, open_, child = open_cases[len(open_cases) // 2]
        first = until - timedelta(days=30 * (LONG_HISTORY - 2) + 10)
        for k in range(LONG_HISTORY):
            g.examination(cid, child, open_, "initial_health_assessment" if k == 0 else "follow_up",
                          first + timedelta(days=30 * k), group=(k % 6) + 1 if k % 3 == 0 else None,
                          fate="held" if k < LONG_HISTORY - 1 else "planned", tests=k >= LONG_HISTORY - 4)
        # a few still planned after `until`
        for i in range(4):
            cid, _received, open_, child = pool[(i * 7919) % len(pool)]
            g.examination(cid, child, open_, KINDS[(i + 1) % 4], until + timedelta(days=3 + 4 * i), group=None,
                          fate="planned")
        if reviewer is not None:
            g.reviews(reviewer)
        # the reminders the core's functions made carry the demo's time, not the build's
        conn.execute(update(RULES).where(RULES.c.id >= first_rule).values(created_at=g.now, updated_at=g.now))
    return g.counts


def _fate(i: int) -> str:
    if i % 11 == 10:
        return "declined"
    if i % 13 == 12:
        return "cancelled"
    return "held"


class _Gen:
    def __init__(self, session, conn, rng: random.Random, room: int, until: date, image_dir: Path):
        self.s, self.q, self.conn, self.rng = session, _Quiet(session), conn, rng
        self.room, self.until, self.image_dir = room, until, image_dir
        self.uid = session.user_id
        # rows are "written" at noon of the demo's last day: the same seed gives the same rows
        self.now = _iso(datetime.combine(until, time(12), tzinfo=ZoneInfo(ZONE)))
        by_group: dict[int, list[str]] = {}
        self.table = classification.current()
        for item in self.table.items.values():
            by_group.setdefault(item.group, []).append(item.code)
        self.by_group = by_group
        self.to_review: list[tuple[str, int]] = []      # (start, examination) with a finding needing review
        self.counts = {"examinations": 0, "findings": 0, "tests": 0, "samples": 0, "images": 0, "reviews": 0,
                       "skipped": 0}
        self.kits = 0

    def seal(self, table: str, row_id: int, column: str, value) -> None:
        if value is not None:
            self.s.sections.write(self.conn, SECTION, table, row_id, column, value)

    def _slot(self, case_id: int, child: int, day: date):
        for attempt in range(14):
            d = day + timedelta(days=attempt)
            if d.weekday() not in WEEKDAYS:
                continue
            for slot in SLOTS:
                start = datetime.combine(d, slot, tzinfo=ZoneInfo(ZONE))
                s, e = _iso(start), _iso(start + timedelta(minutes=60))
                if not _check_plan(self.conn, case_id, child, s, e, self.room, self.uid, None, ZONE, None):
                    return d, start, s, e
        return None

    def examination(self, case_id: int, child: int, open_case: bool, kind: str, day: date, *,
                    group: int | None, fate: str, tests: bool = False) -> None:
        conn, rng = self.conn, self.rng
        slot = self._slot(case_id, child, day)
        if slot is None:
            self.counts["skipped"] += 1
            return
        day, start, s, e = slot
        acute_kind = kind == "acute_forensic"
        last = _iso(start - timedelta(hours=rng.randint(6, 60))) if acute_kind else None
        row = dict(case_id=case_id, child_person_id=child, kind=kind, commissioned_by=rng.choice(COMMISSIONERS),
                   priority="emergent" if acute_kind else rng.choice(PRIORITIES[1:]), last_contact_at_utc=last,
                   acute=_acute(conn, last, s), status="planned", starts_at_utc=s, ends_at_utc=e, time_zone=ZONE,
                   room_id=self.room, examiner_id=self.uid,
                   examiner_credentials="Paediatrician, child abuse paediatrics (demo, fictional)",
                   samples_handed_to_police=False, created_by=self.uid, created_at=self.now, updated_at=self.now)
        xid = conn.execute(insert(EX).values(**row)).inserted_primary_key[0]
        self.counts["examinations"] += 1
        x = SimpleNamespace(id=xid, case_id=case_id, child_person_id=child)
        if kind == "follow_up":
            _close_follow_up_reminders(self.q, conn, child)
        if fate == "cancelled":
            self._set(xid, status="cancelled", cancel_reason=f"The family moved away before the examination {MARK}.")
            return
        if fate == "declined":
            self._set(xid, status="declined", agreement_child="declined", agreement_guardian="agreed")
            return
        self._set(xid, agreement_child="not_asked_age" if rng.random() < 0.1 else "agreed",
                  agreement_guardian="agreed" if rng.random() < 0.9 else "not_reachable")
        present = [("trusted_person", f"Demo Trusted Person {MARK}")]
        if rng.random() < 0.2:
            present.append(("interpreter", f"Demo Interpreter {MARK}"))
        for role, name in present:
            conn.execute(insert(PR).values(examination_id=xid, role=role, name=name))
        if fate == "planned" or day > self.until:
            return
        self._set(xid, status="held")
        needs_review = False
        if group is not None:
            for _ in range(rng.randint(1, 2)):
                code = rng.choice(self.by_group[group])
                fid = conn.execute(insert(FI).values(examination_id=xid, table_version=self.table.version,
                                                     created_by=self.uid, created_at=self.now)).inserted_primary_key[0]
                self.seal("medical_findings", fid, "item_code", code)
                self.seal("medical_findings", fid, "site", rng.choice(SITES))
                self.seal("medical_findings", fid, "description", f"Demo finding description {MARK}.")
                needs_review = needs_review or self.table.items[code].needs_expert_review
                self.counts["findings"] += 1
        if needs_review:
            self.to_review.append((s, xid))
        statement = group is not None or rng.random() < 0.5
        self.seal("medical_examinations", xid, "notes", f"Demo examination notes: the child was calm {MARK}.")
        if statement:
            self.seal("medical_examinations", xid, "statement", f"Demo medical statement {MARK}.")
        if tests or kind != "initial_health_assessment" and rng.random() < 0.6:
            self._tests(x, day, pending=open_case and (self.until - day).days < PENDING_DAYS)
        if kind in ("acute_forensic", "non_acute_forensic"):
            self._samples(x, day)
            if group is not None:
                self._images(x, day)
        outcome = ("follow_up_needed" if open_case and rng.random() < 0.25 else
                   "findings_see_statement" if group is not None else "no_findings")
        self._set(xid, released_outcome=outcome, told_result_on=_day(day + timedelta(days=rng.randint(1, 14))),
                  told_result_by=self.uid)
        if outcome == "follow_up_needed":
            rid = _medical_rule(self.q, conn, x, (day + timedelta(days=28)).isoformat(), "medical_examination", xid)
            self._set(xid, followup_rule_id=rid)
        if statement and rng.random() < 0.5:
            conn.execute(insert(RL).values(examination_id=xid, purpose="case_summary", released_by=self.uid,
                                           released_at=_iso_day(day + timedelta(days=3), time(15, 0))))

    def _set(self, xid: int, **values) -> None:
        self.conn.execute(update(EX).where(EX.c.id == xid).values(**values))

    def _tests(self, x, day: date, pending: bool) -> None:
        for kind in self.rng.sample(TEST_KINDS, self.rng.randint(1, 2)):
            tid = self.conn.execute(insert(TE).values(examination_id=x.id, ordered_on=day.isoformat(),
                                                      result_status="pending", created_by=self.uid,
                                                      created_at=self.now)).inserted_primary_key[0]
            self.seal("medical_tests", tid, "kind", kind)
            self.seal("medical_tests", tid, "prophylaxis", "hiv_pep" if kind == "hiv" else "none")
            rid = _medical_rule(self.q, self.conn, x, (day + timedelta(days=14)).isoformat(), "medical_test", tid)
            self.conn.execute(update(TE).where(TE.c.id == tid).values(followup_rule_id=rid))
            self.counts["tests"] += 1
            if not pending:
                received = _day(day + timedelta(days=self.rng.randint(3, 12)))
                self.seal("medical_tests", tid, "result", f"Demo result: negative {MARK}.")
                self.conn.execute(update(TE).where(TE.c.id == tid).values(result_status="received",
                                                                          received_on=received))
                complete_occurrence(self.q, self.conn, rid, received)

    def _custody(self, kind: str, item: int, event: str, when: str, **fields) -> None:
        """A link of the item's chain of custody, recorded when it happened (the demo's rows are the
        same for the same seed: no wall-clock time in them)."""
        self.conn.execute(insert(CE).values(**{ITEM_COLUMNS[kind]: item}, event=event, occurred_at_utc=when,
                                            actor=self.s.display_name, by_user=self.uid, recorded_at=when,
                                            **fields))

    def _samples(self, x, day: date) -> None:
        when = _iso_day(day, time(11, 0))
        for kind in self.rng.sample(SAMPLE_TYPES, self.rng.randint(1, 3)):
            self.kits += 1
            seal = f"DEMO-SEAL-{self.kits:05d}"
            sid = self.conn.execute(insert(FS).values(
                examination_id=x.id, kit_id=f"DEMO-KIT-{self.kits:05d}", seal_number=seal, collected_at_utc=when,
                created_by=self.uid, created_at=self.now)).inserted_primary_key[0]
            storage = "Evidence fridge 2 (demo)"
            for column, value in (("sample_type", kind), ("site", self.rng.choice(SITES)), ("storage", storage)):
                self.seal("forensic_samples", sid, column, value)
            self.counts["samples"] += 1
            self._custody("sample", sid, "collected", when, location="Medical room (demo)",
                          purpose="Collected at the medical examination")
            self._custody("sample", sid, "sealed", when, location="Medical room (demo)", seal_number=seal)
            self._custody("sample", sid, "stored", _iso_day(day, time(11, 30)), location=storage)
            r = self.rng.random()
            if r < 0.7:
                self._custody("sample", sid, "handed_to_police", _iso_day(day + timedelta(days=1), time(9, 0)),
                              location="Reception (demo)", counterpart="Demo Officer Testsson (fictional)",
                              receipt=f"DEMO-RECEIPT-{self.kits:05d}")
                self._set(x.id, samples_handed_to_police=True)
            elif r < 0.85:
                self._custody("sample", sid, "sent_to_lab", _iso_day(day + timedelta(days=1), time(9, 0)),
                              location="Reception (demo)", counterpart="Demo Forensic Laboratory (fictional)",
                              receipt=f"DEMO-LAB-RECEIPT-{self.kits:05d}")

    def _image(self, x, name: str, data: bytes, derived_from: int | None) -> int:
        self.image_dir.mkdir(parents=True, exist_ok=True)
        path = self.image_dir / name
        path.write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        iid = self.conn.execute(insert(IM).values(
            examination_id=x.id, derived_from=derived_from, sha256=sha, size_bytes=len(data),
            fixity_status="unchecked", registered_by=self.uid, registered_at=self.now)).inserted_primary_key[0]
        for column, value in (("file_name", name), ("device", "Demo colposcope camera (fictional)"),
                              ("storage_location", str(path)),
                              ("derivation", "Cropped to the finding (demo)" if derived_from else None)):
            self.seal("medical_images", iid, column, value)
        self._custody("image", iid, "acquired", self.now, computed_sha256=sha,
                      purpose="Registered" if derived_from is None else "Derived image registered")
        self.counts["images"] += 1
        return iid

    def _images(self, x, day: date) -> None:
        iid = self._image(x, f"exam-{x.id}-1.ppm", _ppm(self.rng, 24, 16), None)
        self._image(x, f"exam-{x.id}-1-crop.ppm", _ppm(self.rng, 12, 8), iid)
        self._custody("image", iid, "viewed", _iso_day(day + timedelta(days=2), time(14, 0)),
                      purpose="Expert review (demo)", location="Medical room (demo)")
        if self.rng.random() < 0.4:
            self._custody("image", iid, "released", _iso_day(day + timedelta(days=5), time(10, 0)),
                          counterpart="Demo Prosecutor Demoberg (fictional)", legal_basis="court_order",
                          receipt=f"DEMO-IMG-RECEIPT-{iid}", purpose="prosecutor_bundle",
                          location="Medical room (demo)")

    def reviews(self, reviewer: int) -> None:
        """The older half of the examinations needing an expert review, reviewed by the second
        medical user a week later; the newer half waits in the review queue."""
        todo = sorted(self.to_review)
        for start, xid in todo[: (len(todo) + 1) // 2]:
            agrees = self.rng.random() < 0.85
            on = _day(date.fromisoformat(start[:10]) + timedelta(days=7))
            rid = self.conn.execute(insert(RV).values(examination_id=xid, reviewer_id=reviewer, reviewed_on=on,
                                                      agrees=agrees, created_at=self.now)).inserted_primary_key[0]
            if not agrees:
                self.seal("medical_reviews", rid, "comment", f"Demo review: read differently {MARK}.")
            self.counts["reviews"] += 1


def _today() -> date:
    return datetime.now(timezone.utc).date()


def _day(d: date) -> str:
    """A date never after yesterday (results, reviews and custody are in the past)."""
    return min(d, _today() - timedelta(days=1)).isoformat()


def _iso(moment: datetime) -> str:
    return to_utc_iso(moment)


def _iso_day(day: date, at: time) -> str:
    return _iso(datetime.combine(date.fromisoformat(_day(day)), at, tzinfo=ZoneInfo(ZONE)))


def _ppm(rng: random.Random, w: int, h: int) -> bytes:
    """A tiny fictional colour image (binary PPM): every byte from rng, so no two are alike."""
    return f"P6 {w} {h} 255\n".encode() + bytes(rng.randrange(256) for _ in range(w * h * 3))
