"""Demo interviews: rooms, forensic interviews, their recordings and chains of custody.

`add_demo_interviews` runs after demo.build_demo_record's cases exist (demo.py calls it, before
add_demo_followup, which points its fixity-check reminders at the recordings made here). It reads
the cases and their children and writes, with bulk inserts:

  * the centre's rooms: three interview rooms, an observation room, a medical room and a family
    room; interview rooms 1-3 pair with the users interviewer, interviewer2 and interviewer3;
  * for most cases (about 85%) a forensic interview of the case's first victim child, 3 to 25 days
    after the referral, on a weekday at 09:00, 10:45, 13:00 or 14:45 in the jurisdiction's local
    time, 45-100 minutes. A slot allocator on the UTC clock books every room and every interviewer
    at most once at a time (a taken slot moves the interview to the next free one; when the centre
    has no free slot within four weeks, as in the biggest demos, the case gets no interview).
    Mostly held (actual times near the plan, sometimes a break); a few cancelled and rescheduled,
    a few the child chose not to take part in (a right, not a duty). Interviews from `until` on
    are planned, as are some of the last week's not yet recorded as held. About 8% of children
    get a second interview weeks later, with a written justification and mostly by the same
    interviewer; a child back in a new case is interviewed again, with a justification too.
    Spanish children under 14 give pre-constituted evidence (judge, prosecutor and defence
    observe), and a further interview of one is a "testify once" conflict overridden in writing;
  * participants: police observer, often a prosecutor, an interpreter when the child's language
    is not the jurisdiction's, often a trusted person (fictional names);
  * for about 95% of held interviews a master recording and a bit-identical working copy, with
    their chains of custody: acquired, copied to, handed to police, prosecution and court,
    viewed, returned, yearly fixity checks, and one or two fixity mismatches in the whole demo so
    the alarm can be seen.

Every name, hash, drive and receipt is fictional ("demo"). No audit entries are written here: the
demo's own "demo.generated" entry covers the generated data. The same rng state and the same
record give the same rows. Times are UTC text in timeutil.to_utc_iso's format.
"""
from __future__ import annotations

import calendar
import random
import time
from datetime import date, datetime, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy import select

from barnahus_app import vocab
from barnahus_app.demo.followup import _max_id
from barnahus_app.interviews.actions import interview_rules
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.interviews.tables import (
    ConflictOverride, Interview, InterviewBreak, InterviewParticipant, Room,
)
from barnahus_app.recordings.tables import CustodyEvent, Recording
from barnahus_app.timeutil import age_on
from barnahus_app.persons.tables import Person
from barnahus_app.users.tables import User, UserRole

_INSERT_CHUNK = 20_000
_DAY = 86_400
_EPOCH_ORD = date(1970, 1, 1).toordinal()
_ZONES = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "ES": "Europe/Madrid", "IS": "Atlantic/Reykjavik",
          "UA": "Europe/Kyiv", "OTHER": "Europe/London"}
_MAIN_LANGUAGE = {"SE": "sv", "NO": "no", "ES": "es", "IS": "is", "UA": "uk", "OTHER": "en"}
ROOMS = (("Interview room 1 (Lilla rummet)", "interview"), ("Interview room 2", "interview"),
         ("Interview room 3", "interview"), ("Observation room", "observation"),
         ("Medical room", "medical"), ("Family room", "waiting"))
INTERVIEWERS = ("interviewer", "interviewer2", "interviewer3")  # paired with interview rooms 1-3
SLOTS = ((9, 0), (10, 45), (13, 0), (14, 45))  # local start times
_BLOCK = 105 * 60      # a slot holds the room and the interviewer this long (longest interview: 100 min)
MAX_WAIT_DAYS = 28     # no free slot within this many days of the wanted one: no interview
RECENT_DAYS = 45       # cases referred this close to `until` always get a booking
_PROTOCOLS = (("nichd", 55), ("chilfirst", 12), ("cognitive", 12), ("abe", 8), ("peace", 8), ("other", 5))
_PROTOCOLS_UK = (("abe", 70), ("nichd", 20), ("peace", 10))
_SECOND_REASONS = ("New disclosure about another incident (demo)",
                   "The child asked to add to what was said (demo)",
                   "New evidence needs the child's account (demo)",
                   "The first interview was cut short: the child was tired (demo)")
_NEW_CASE_REASON = "New referral about a new incident, in a new case (demo)"
_OVERRIDE_REASON = ("New incident after the pre-constituted evidence was taken; the investigating "
                    "judge asked for a further interview (demo)")
_TRUSTED = ("Anna", "Karin", "Lena", "Marta", "Olga", "Fatima", "Carmen", "Helga", "Jon", "Per",
            "Lars", "Sergio", "Petro", "Ahmed", "Gunnar", "Tove")
_FAMILIES = ("Testsson", "Exempeldotter", "Provsdottir", "Fiktivsen", "Demoberg", "Prueba", "Ejemplo",
             "Testenko", "Prykladenko", "Testardóttir", "Prøvesen", "Testlund")
_NOTE = "Demo notes (fictional): rapport, free narrative, focused questions, closure."
_NO_RECORDING_NOTE = ("Demo (fictional): the recording equipment failed; the interviewer's written "
                      "account is kept with the case file.")
CENTRE = "DEMO centre (fictional data)"

_ROOM_COLS = ("id", "name", "kind", "active", "created_at")
_I_COLS = ("id", "case_id", "child_person_id", "interviewer_id", "room_id", "starts_at_utc", "ends_at_utc",
           "time_zone", "status", "protocol", "language", "interpreter_language", "pre_constituted",
           "justification", "child_participation", "actual_start_utc", "actual_end_utc", "language_used",
           "notes", "cancel_reason", "created_by", "created_at", "updated_at")
_IP_COLS = ("id", "interview_id", "role", "user_id", "person_id", "staff_contact_id", "name", "language",
            "present")
_IB_COLS = ("id", "interview_id", "started_at_utc", "ended_at_utc")
_CO_COLS = ("id", "interview_id", "conflict", "detail", "reason", "by_user", "at_utc")
_REC_COLS = ("id", "interview_id", "copy_kind", "master_id", "label", "file_name", "storage_location",
             "sha256", "size_bytes", "container", "media_format", "duration_ms", "capture_device",
             "acquired_at_utc", "fixity_status", "fixity_checked_at", "registered_by", "registered_at")
_CE_COLS = ("id", "recording_id", "event", "occurred_at_utc", "actor", "location", "purpose", "counterpart",
            "receipt", "order_reference", "copy_id", "computed_sha256", "by_user", "recorded_at")
_REC_STATUS, _REC_CHECKED = _REC_COLS.index("fixity_status"), _REC_COLS.index("fixity_checked_at")
_REC_BY, _REC_STORE = _REC_COLS.index("registered_by"), _REC_COLS.index("storage_location")
_I_NOTES = _I_COLS.index("notes")


def _iso(ts: int) -> str:
    """Whole-second epoch time as timeutil.to_utc_iso writes it (a fast path for a million rows)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(ts))


def _epoch(text: str) -> int:
    return calendar.timegm((int(text[:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]),
                            int(text[14:16]), int(text[17:19]), 0, 0, 0))


def _pick(rng: random.Random, pairs) -> str:
    x = rng.random() * sum(w for _, w in pairs)
    for code, w in pairs:
        x -= w
        if x < 0:
            return code
    return pairs[-1][0]


class _Calendar:
    """Free slots of the room/interviewer pairs, on the UTC clock (zones differ between cases)."""

    def __init__(self, pairs: int):
        self.busy: list[dict[int, list[int]]] = [{} for _ in range(pairs)]  # UTC day -> block starts
        self.full: set[tuple[int, int, str]] = set()  # (pair, local day, zone) with no free slot left
        self.cache: dict[tuple[str, int], tuple[int, ...] | None] = {}
        self.everyone = list(range(pairs))

    def starts(self, zone: str, day: int):
        """UTC epoch starts of the day's slots, None on a weekend."""
        key = (zone, day)
        out = self.cache.get(key, False)
        if out is False:
            d = date.fromordinal(day)
            if d.weekday() >= 5:
                out = None
            else:
                tz = ZoneInfo(zone)
                out = tuple(int(datetime(d.year, d.month, d.day, h, m, tzinfo=tz).timestamp()) for h, m in SLOTS)
            self.cache[key] = out
        return out

    def free(self, pair: int, s: int) -> bool:
        busy, d = self.busy[pair], s // _DAY
        for dd in (d - 1, d, d + 1):
            for t in busy.get(dd, ()):
                if t < s + _BLOCK and s < t + _BLOCK:
                    return False
        return True

    def take(self, pair: int, s: int) -> None:
        self.busy[pair].setdefault(s // _DAY, []).append(s)

    def find(self, zone: str, day0: int, slot0: int, order: list[int]):
        """The first free (pair, UTC start, local day) from slot0 of day0 on, slots before pairs."""
        full = self.full
        for day in range(day0, day0 + MAX_WAIT_DAYS):
            starts = self.starts(zone, day)
            if starts is None:
                continue
            first = slot0 if day == day0 else 0
            pairs = [p for p in order if (p, day, zone) not in full] if first == 0 else order
            for j in range(first, len(starts)):
                s = starts[j]
                for p in pairs:
                    if self.free(p, s):
                        return p, s, day
            if first == 0:  # every slot of the day was tried: it stays full (bookings only grow)
                for p in pairs:
                    full.add((p, day, zone))
        return None


class _Gen:
    def __init__(self, rng: random.Random, cutoff: int, ids: dict, pairs: list, names: dict,
                 room_names: dict):
        self.rng, self.cutoff, self.pairs, self.names = rng, cutoff, pairs, names
        self.rules = interview_rules()
        self.room_names = room_names
        self.next = dict(ids)
        self.out = {k: [] for k in ("interviews", "participants", "breaks", "overrides", "recordings", "events")}
        self.masters: list[tuple[list, int, str]] = []  # (recording row, last event time, sha256)

    def _id(self, kind: str) -> int:
        i = self.next[kind]
        self.next[kind] = i + 1
        return i

    # --- one interview ------------------------------------------------------------------------
    def interview(self, c: dict, child: dict, pair: int, s: int, day: int, dur: int, status: str, *,
                  created: int, number: int, earlier: int, justification: str | None = None,
                  cancel_at: int | None = None) -> dict:
        rng = self.rng
        room_id, interviewer = self.pairs[pair]
        iid = self._id("interview")
        jur, zone = c["jur"], c["zone"]
        age = age_on(date.fromisoformat(child["dob"]), date.fromordinal(day)) if child["dob"] else None
        rule = self.rules.get(jur) or {}
        pre_age, once_age = rule.get("pre_constituted_under_age"), rule.get("testify_once_under_age")
        pre = bool(pre_age and age is not None and age < pre_age)
        once = bool(once_age and age is not None and age < once_age)
        observers = (rule.get("pre_constituted_observers") or ()) if pre else ()
        protocol = _pick(rng, _PROTOCOLS_UK if jur == "OTHER" else _PROTOCOLS)
        lang, interp = child["lang"], child["interp"]
        end = s + dur * 60
        held = status == "held"
        a_s = a_e = None
        notes = cancel = None
        participation = "not_yet_asked"
        updated = created
        if held:
            participation = "chose_to_take_part"
            a_s = s + int(rng.random() * 600)
            a_e = min(end + 300, a_s + dur * 60 + int((rng.random() - 0.7) * 1200))
            updated = a_e + 600 + int(rng.random() * 3000)
            if rng.random() < 0.4:
                notes = _NOTE
            if dur >= 60 and rng.random() < 0.3:
                b0 = a_s + (a_e - a_s) // 2 - 300 + int(rng.random() * 600)
                self.out["breaks"].append((self._id("break"), iid, _iso(b0), _iso(b0 + 300 + int(rng.random() * 600))))
        elif status == "not_held":
            participation = "chose_not_to"
            cancel = "The child chose not to take part today (demo)."
            updated = s + 900
        elif status == "cancelled":
            cancel = "Rescheduled (demo)"
            updated = cancel_at
        self.out["interviews"].append((
            iid, c["id"], child["id"], interviewer, room_id, _iso(s), _iso(end), zone, status, protocol, lang,
            interp, pre, justification, participation, _iso(a_s) if held else None,
            _iso(a_e) if held else None, lang if held else None, notes, cancel, c["lead"], _iso(created),
            _iso(updated)))

        # who takes part besides the child and the interviewer (named, fictional)
        present = True if held else None
        parts = [("observer_police", f"Demo Officer {c['officer']} (police, fictional)", None, present)]
        if "observer_prosecutor" in observers or rng.random() < 0.6:
            parts.append(("observer_prosecutor", f"Demo Prosecutor {c['prosecutor']} (fictional)", None,
                          (rng.random() >= 0.05) if held else None))
        if "observer_judge" in observers and rng.random() < 0.9:
            parts.append(("observer_judge", f"Demo Judge {1 + int(rng.random() * 12)} (fictional)", None, present))
        if "observer_defence" in observers and rng.random() < 0.9:
            parts.append(("observer_defence", f"Demo Defence Counsel {1 + int(rng.random() * 30)} (fictional)",
                          None, present))
        if not pre and rng.random() < 0.15:
            parts.append(("observer_social_services", f"Demo Social Worker {1 + int(rng.random() * 40)} (fictional)",
                          None, present))
        if interp:
            parts.append(("interpreter", f"Demo Interpreter {1 + int(rng.random() * 25)} (fictional)", interp, present))
        if rng.random() < 0.65:
            parts.append(("trusted_person", f"Demo-{_TRUSTED[int(rng.random() * len(_TRUSTED))]} "
                                            f"{_FAMILIES[int(rng.random() * len(_FAMILIES))]}", None, present))
        for role, name, language, was in parts:
            self.out["participants"].append((self._id("participant"), iid, role, None, None, None, name, language, was))

        # a further interview of a child who testifies once (ES, under 14): overridden in writing
        if earlier and once and status != "cancelled":
            self.out["overrides"].append((self._id("override"), iid, "testify_once", f"testify_once:{child['id']}",
                                          _OVERRIDE_REASON, c["lead"], _iso(created)))
        if held:
            if rng.random() < 0.95:
                self.recordings(c, iid, pair, number, a_s, a_e)
            else:
                last = self.out["interviews"][-1]
                self.out["interviews"][-1] = last[:_I_NOTES] + (_NO_RECORDING_NOTE,) + last[_I_NOTES + 1:]
        return {"id": iid, "once": once, "end": a_e or end}

    # --- recordings and their chains of custody -----------------------------------------------
    def recordings(self, c: dict, iid: int, pair: int, number: int, a_s: int, a_e: int) -> None:
        rng, cutoff, out = self.rng, self.cutoff, self.out
        room_id, interviewer = self.pairs[pair]
        who = self.names[interviewer]
        mid, wid = self._id("recording"), self._id("recording")
        sha = f"{rng.getrandbits(256):064x}"
        size = int((0.5 + rng.random() * 3.5) * 1_000_000_000)
        t0 = a_e + 300 + int(rng.random() * 900)
        t1 = t0 + 600 + int(rng.random() * 4800)
        base = f"{c['ref']}-interview-{number}"
        store = f"Evidence store, safe {1 + int(rng.random() * 3)} / drive EV-{mid:05d} (demo)"
        work_store = f"Working copies, encrypted drive WC-{1 + int(rng.random() * 40):03d} (demo)"
        device = f"Interview room {pair + 1} camera (demo)"
        fmt = "ISO base media (brand isom), H.264/AAC"
        master = [mid, iid, "master", None, "Master recording (demo)", f"{base}-master.mp4", store, sha, size, "mp4",
                  fmt, (a_e - a_s) * 1000, device, _iso(t0), "unchecked", None, interviewer,
                  _iso(t0 + 60 + int(rng.random() * 300))]
        working = [wid, iid, "working", mid, "Working copy (demo)", f"{base}-working.mp4", work_store, sha, size, "mp4",
                   fmt, (a_e - a_s) * 1000, device, _iso(t1), "unchecked", None, interviewer, _iso(t1)]
        out["recordings"] += (master, working)
        ev = out["events"]

        def event(rec, kind, ts, actor, by, location, purpose, counterpart=None, receipt=None, order=None,
                  copy=None, computed=None):
            at = _iso(ts)
            ev.append((self._id("event"), rec, kind, at, actor, location, purpose, counterpart, receipt, order,
                       copy, computed, by, at))

        event(mid, "acquired", t0, who, interviewer, f"{self.room_names[room_id]}, recording station (demo)",
              "Registered from the recording equipment", computed=sha)
        event(mid, "copied_to", t1, who, interviewer, work_store, "Bit-identical copy", copy=wid, computed=sha)
        event(wid, "acquired", t1, who, interviewer, work_store, "Working copy", computed=sha)
        last = t1
        if rng.random() < 0.25:  # yearly fixity checks of the master
            t = t0
            while True:
                t += 365 * _DAY + int(rng.random() * 30 * _DAY)
                if t > cutoff:
                    break
                event(mid, "fixity_ok", t, who, interviewer, store, "Fixity check", computed=sha)
                master[_REC_STATUS], master[_REC_CHECKED], last = "ok", _iso(t), t
        self.masters.append((master, last, sha))

        # the working copy travels: police, perhaps viewed, prosecution, court, back, destroyed
        t = t1
        reception = f"Reception, {CENTRE}"
        jur = c["jur"]
        if rng.random() < 0.85:
            t += _DAY + int(rng.random() * 9 * _DAY)
            if t > cutoff:
                return
            event(wid, "handed_to_police", t, who, interviewer, reception,
                  "Evidence for the police investigation (demo)",
                  counterpart=f"Demo Officer {c['officer']}, {jur} police (fictional)",
                  receipt=f"Receipt no. DEMO-R-{int(rng.random() * 1_000_000):06d} (demo)")
        if rng.random() < 0.25:
            t += _DAY + int(rng.random() * 29 * _DAY)
            if t > cutoff:
                return
            event(wid, "viewed", t, who, interviewer, f"Viewing room, {CENTRE}",
                  "Reviewed before the case conference (demo)")
        if rng.random() < 0.4:
            t += 5 * _DAY + int(rng.random() * 55 * _DAY)
            if t > cutoff:
                return
            event(wid, "handed_to_prosecution", t, who, interviewer, reception,
                  "For the prosecutor's decision on charges (demo)",
                  counterpart=f"Demo Prosecutor {c['prosecutor']}, {jur} prosecution service (fictional)",
                  receipt=f"Receipt no. DEMO-R-{int(rng.random() * 1_000_000):06d} (demo)")
            if rng.random() < 0.5:
                t += 60 * _DAY + int(rng.random() * 340 * _DAY)
                if t > cutoff:
                    return
                court = f"Demo District Court registry, {jur} (fictional)"
                event(wid, "handed_to_court", t, who, interviewer, reception,
                      "Evidence at the main hearing (demo)", counterpart=court,
                      receipt=f"Court receipt no. DEMO-C-{int(rng.random() * 100_000):05d} (demo)")
                if rng.random() < 0.5:
                    t += 30 * _DAY + int(rng.random() * 170 * _DAY)
                    if t > cutoff:
                        return
                    event(wid, "returned", t, who, interviewer, reception, "Returned after the trial (demo)",
                          counterpart=court, receipt=f"Receipt no. DEMO-R-{int(rng.random() * 1_000_000):06d} (demo)")
                    if rng.random() < 0.1:
                        t += 10 * 365 * _DAY + int(rng.random() * 365 * _DAY)
                        if t > cutoff:
                            return
                        event(wid, "destroyed", t, who, interviewer, work_store,
                              "Working copy no longer needed; the master is kept (demo)",
                              order=f"Destruction order DEMO-D-{int(rng.random() * 10_000):04d} (demo)")
                        working[_REC_STATUS] = "destroyed"

    def mismatches(self, count: int) -> None:
        """The fixity alarm: a master whose bytes no longer match the hash taken at registration."""
        rng, cutoff = self.rng, self.cutoff
        room = [m for m in self.masters if m[1] + _DAY < cutoff]  # some time after its last event
        pool = [m for m in room if m[0][_REC_STATUS] == "ok"] or room
        chosen: list = []
        while pool and len(chosen) < count:
            m = pool.pop(int(rng.random() * len(pool)))
            chosen.append(m)
        for row, last, sha in chosen:
            t = max(last + 3600, cutoff - int((1 + rng.random() * 59) * _DAY))
            bad = f"{rng.getrandbits(256):064x}"
            if bad == sha:
                bad = ("0" if sha[0] != "0" else "1") + sha[1:]
            interviewer = row[_REC_BY]
            self.out["events"].append((self._id("event"), row[0], "fixity_mismatch", _iso(t), self.names[interviewer],
                                       row[_REC_STORE], "Fixity check", None, None, None, None,
                                       bad, interviewer, _iso(t)))
            row[_REC_STATUS], row[_REC_CHECKED] = "mismatch", _iso(t)


def add_demo_interviews(session_or_conn, rng: random.Random, until: date | None = None, *,
                        progress: Callable[[int, int], None] | None = None) -> dict:
    """Give the demo record rooms, interviews, participants, recordings and chains of custody
    (see the module docstring). session_or_conn: a Session (one transaction is opened) or a
    Connection inside the caller's transaction. `until`: "now" of the demo (default today, UTC);
    interviews from then on are planned. Returns counts of the rows written, by table."""
    if hasattr(session_or_conn, "record"):
        with session_or_conn.record.transaction() as conn:
            return _add(conn, rng, until, progress)
    return _add(session_or_conn, rng, until, progress)


def _check_vocabularies() -> None:
    vocab.check_codes("room_kinds", "kind", [k for _, k in ROOMS])
    vocab.check_codes("interview_protocols", "protocol", [c for c, _ in _PROTOCOLS + _PROTOCOLS_UK])
    vocab.check_codes("interview_participant_roles", "role", [
        "observer_police", "observer_prosecutor", "observer_judge", "observer_defence",
        "observer_social_services", "interpreter", "trusted_person"])


def _add(conn, rng: random.Random, until: date | None, progress) -> dict:
    _check_vocabularies()
    until = until or datetime.now(timezone.utc).date()
    cutoff = (until.toordinal() - _EPOCH_ORD) * _DAY
    RM, I, IP, IB, CO, REC, CE = (Room.__table__, Interview.__table__, InterviewParticipant.__table__,
                                   InterviewBreak.__table__, ConflictOverride.__table__, Recording.__table__,
                                   CustodyEvent.__table__)
    C, CC, P, U = Case.__table__, CaseChild.__table__, Person.__table__, User.__table__

    cases = conn.execute(select(C.c.id, C.c.reference, C.c.jurisdiction, C.c.referral_received_at,
                                C.c.case_lead_id).order_by(C.c.referral_received_at, C.c.id)).all()
    counts = dict.fromkeys(("rooms", "interviews", "interview_participants", "interview_breaks",
                            "conflict_overrides", "recordings", "custody_events"), 0)

    # rooms (kept if they exist already)
    room_ids = dict(conn.execute(select(RM.c.name, RM.c.id)).all())
    created = cases[0].referral_received_at if cases else _iso(cutoff)
    new_rooms, next_room = [], _max_id(conn, RM) + 1
    for name, kind in ROOMS:
        if name not in room_ids:
            room_ids[name] = next_room
            new_rooms.append((next_room, name, kind, True, created))
            next_room += 1
    _insert(conn, RM, _ROOM_COLS, new_rooms)
    counts["rooms"] = len(new_rooms)

    # staff: interview room k with interviewer k, who also records the hand-overs (the liaison
    # receives and, by the policy, updates nothing)
    users = {r.username: r for r in conn.execute(select(U.c.id, U.c.username, U.c.display_name)
                                                  .where(U.c.active.is_(True)))}
    role_users = {}
    for uid, role in conn.execute(select(UserRole.user_id, UserRole.role).order_by(UserRole.user_id)):
        role_users.setdefault(role, []).append(uid)
    active = {r.id for r in users.values()}
    can_interview = role_users.get("interviewer", [])
    interviewers = [users[n].id for n in INTERVIEWERS if n in users and users[n].id in can_interview]
    interviewers += [u for u in can_interview if u in active and u not in interviewers]
    interviewers = interviewers[:3]
    if not interviewers or not cases:
        return counts
    names = {r.id: r.display_name for r in users.values()}
    pairs = [(room_ids[ROOMS[k][0]], uid) for k, uid in enumerate(interviewers)]
    room_names = {v: k for k, v in room_ids.items()}

    # the children: the first victim of each case (the first child at all for recent cases)
    child_of: dict[int, tuple[int, bool]] = {}
    for cid, pid, role in conn.execute(select(CC.c.case_id, CC.c.person_id, CC.c.role)
                                       .order_by(CC.c.case_id, CC.c.person_id)):
        have = child_of.get(cid)
        if have is None or (role == "victim" and not have[1]):
            child_of[cid] = (pid, role == "victim")
    persons = {pid: (dob, langs) for pid, dob, langs in conn.execute(
        select(P.c.id, P.c.date_of_birth, P.c.languages).where(P.c.id.in_(select(CC.c.person_id))))}

    ids = {"interview": _max_id(conn, I) + 1, "participant": _max_id(conn, IP) + 1, "break": _max_id(conn, IB) + 1,
           "override": _max_id(conn, CO) + 1, "recording": _max_id(conn, REC) + 1, "event": _max_id(conn, CE) + 1}
    gen = _Gen(rng, cutoff, ids, pairs, names, room_names)
    cal = _Calendar(len(pairs))
    history: dict[int, list] = {}   # child -> [last pair, interviews that count (planned or held)]
    overridden = False
    total = len(cases)

    def status_at(s: int) -> str:
        if s >= cutoff:
            return "planned"
        if s >= cutoff - 7 * _DAY and rng.random() < 0.15:
            return "planned"  # held, but not yet recorded as held
        return "not_held" if rng.random() < 0.02 else "held"

    for n, (cid, ref, jur, received, lead) in enumerate(cases):
        if progress and n % 5000 == 0:
            progress(n, total)
        got = child_of.get(cid)
        if got is None:
            continue
        pid, victim = got
        rec_ts = _epoch(received)
        recent = cutoff - rec_ts < RECENT_DAYS * _DAY
        if not recent and (not victim or rng.random() >= 0.85):
            continue
        dob, langs = persons.get(pid, (None, None))
        main = _MAIN_LANGUAGE.get(jur, "en")
        lang = (langs or main).split(",")[0]
        child = {"id": pid, "dob": dob, "lang": lang, "interp": lang if lang != main else None}
        zone = _ZONES.get(jur, "Europe/London")
        c = {"id": cid, "ref": ref, "jur": jur, "zone": zone, "lead": lead,
             "officer": 1 + int(rng.random() * 60), "prosecutor": 1 + int(rng.random() * 20)}
        hist = history.get(pid)
        day0 = rec_ts // _DAY + _EPOCH_ORD + 3 + int(rng.random() * 23)
        slot0 = int(rng.random() * len(SLOTS))
        p0 = int(rng.random() * len(pairs))
        anyone = cal.everyone[p0:] + cal.everyone[:p0]
        order = [hist[0]] if hist and hist[1] and rng.random() < 0.8 else anyone
        dur = 45 + 5 * int(rng.random() * 12)
        found = cal.find(zone, day0, slot0, order) or (cal.find(zone, day0, slot0, anyone) if len(order) == 1 else None)
        if found is None:
            continue  # the centre is fully booked for weeks
        made = rec_ts + 7200 + int(rng.random() * 3 * _DAY)
        earlier = hist[1] if hist else 0
        just = _NEW_CASE_REASON if earlier else None
        if rng.random() < 0.03:  # booked, then cancelled and rescheduled some days later
            p, s, day = found
            made = max(rec_ts, min(made, s - 7200, cutoff - 60))
            cancel_at = max(made, min(s - 3600, cutoff - 30, made + int(rng.random() * 3 * _DAY)))
            gen.interview(c, child, p, s, day, dur, "cancelled", created=made, number=earlier + 1, earlier=earlier,
                          justification=just, cancel_at=cancel_at)
            found = cal.find(zone, day + 2 + int(rng.random() * 8), 0, [p] + [q for q in anyone if q != p])
            if found is None:
                continue
            made = cancel_at
        p, s, day = found
        cal.take(p, s)
        made = max(rec_ts, min(made, s - 7200, cutoff - 60))
        status = status_at(s)
        first = gen.interview(c, child, p, s, day, dur, status, created=made, number=1, earlier=earlier,
                              justification=just)
        counted = earlier + (status in ("planned", "held"))
        history[pid] = [p, counted]
        overridden = overridden or bool(first["once"] and earlier)

        # a second interview in this case, weeks later, mostly by the same interviewer
        if status != "held":
            continue
        # (a child who testifies once rarely has another; the first such one shows the override)
        chance = 0.08 if not first["once"] else (1.0 if not overridden else 0.02)
        if rng.random() >= chance:
            continue
        order = [p] if rng.random() < 0.85 else anyone
        dur = 45 + 5 * int(rng.random() * 12)
        found = cal.find(zone, day + 14 + int(rng.random() * 28), int(rng.random() * len(SLOTS)), order)
        if found is None:
            continue
        p2, s2, day2 = found
        cal.take(p2, s2)
        made = max(first["end"] + _DAY, min(first["end"] + int((1 + rng.random() * 6) * _DAY), s2 - 7200))
        made = min(made, cutoff - 60, s2 - 60)
        status = status_at(s2)
        second = gen.interview(c, child, p2, s2, day2, dur, status, created=made, number=2, earlier=counted,
                               justification=_SECOND_REASONS[int(rng.random() * len(_SECOND_REASONS))])
        overridden = overridden or second["once"]
        history[pid] = [p2, counted + (status in ("planned", "held"))]

    gen.mismatches(1 if len(gen.masters) < 2000 else 2)
    out = gen.out
    for table, cols, rows, key in ((I, _I_COLS, out["interviews"], "interviews"),
                                   (IP, _IP_COLS, out["participants"], "interview_participants"),
                                   (IB, _IB_COLS, out["breaks"], "interview_breaks"),
                                   (CO, _CO_COLS, out["overrides"], "conflict_overrides"),
                                   (REC, _REC_COLS, out["recordings"], "recordings"),
                                   (CE, _CE_COLS, out["events"], "custody_events")):
        _insert(conn, table, cols, rows)
        counts[key] = len(rows)
    if progress:
        progress(total, total)
    return counts


def _insert(conn, table, cols, rows) -> None:
    """Plain executemany in chunks: SQLAlchemy's per-row cost is more than SQLite's at this size."""
    if not rows:
        return
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    cur = conn.connection.dbapi_connection.cursor()
    try:
        for i in range(0, len(rows), _INSERT_CHUNK):
            cur.executemany(sql, [tuple(r) for r in rows[i:i + _INSERT_CHUNK]])
    finally:
        cur.close()
