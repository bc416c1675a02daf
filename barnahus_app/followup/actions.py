"""Long-term follow-up without a time limit, and statutes of limitations (DOMAIN.md items 11, 12).

"Services to child victims should never expire or be time-limited" (001 para 85); "follow up
regularly until the child's full recovery is achieved" (003 para 43(f)). A child's follow-up plan
is a set of RULES (table followup_rules), each for one child and optionally one case:

  recurring_review       every N months (default 6) until the MDT records full recovery
  age_milestone          on the child's birthdays at the given ages (default 12, 15, 18: 18 is the
                         move to adult services); ages before the rule's start date are skipped
  court_date, action_item, compensation_deadline, carer_survey, other
                         one date (a court date may carry a time: stored in UTC with its zone name)
  guardian_review        a review of a guardian's appointment: once, or every N months
  fixity_check           a recording's fixity check (subject_kind "recording", subject_id): once,
                         or every N months
  statute_warning        made by the core for each alleged offence (never by hand): due a
                         configurable time before the limitation period ends

REMINDERS ARE DERIVED FROM RECORD DATA, NEVER FROM TIMERS. Each rule has OCCURRENCES (a one-off
date; the next review; each milestone age; a limitation warning). What was done about one is an
append-only EVENT (followup_events):

  completed  ends the occurrence. A recurring rule then falls due again N months after the
             COMPLETION date (not after the old due date), so a late review does not bunch up;
             completed on its due date, the series keeps its first date's day of the month.
  declined   needs a reason (e.g. "declined further contact"), and may name a date to offer again,
             on which the same occurrence falls due again. Without that date a declined recurring
             review or one-off date ends; a declined age milestone ends only that milestone: the
             later ones (18: adult services) still fall due.
  snoozed    needs a new date, after today: the occurrence falls due then instead.

NOTHING ELSE ENDS A REMINDER. Closing a case, the child turning 18, forty years passing, a
statute of limitations running out: none of them removes one. An overdue reminder stays overdue.

FULL RECOVERY (full_recoveries): recording it ends the recurring reviews of that child that were
made before it and are marked until_recovery (recurring_review is by default). Age milestones,
one-off dates (court, compensation), guardian reviews, fixity checks and statute warnings stay:
the move to adult services at 18 or a court date do not depend on recovery. A relapse
(record_relapse) is a new recurring review marked as following the recovery (subject_kind
"full_recovery"), which the earlier recovery does not end. The MDT meeting that decided a full
recovery is checked (held, the child's case on its agenda) and stored with it.

ENDING A RULE (end_followup_rule) declines each of its open occurrences with the coordinator's
reason, so the rule's history says why it ended; a statute warning cannot be ended by hand.

DERIVED COLUMNS. status, next_due (the earliest open occurrence) and pending (every open
occurrence: "key|date|flag;...") are recomputed by this module in the same transaction whenever a
rule, an event, a full recovery, an alleged offence or the child's date of birth changes
(persons.update_person calls the _person_changed hook), and for statute warnings whenever the
limitation table changes (its fingerprint is kept in record_meta). "All reminders as of a date" is
therefore one range scan of ix_followup_next_due.

DATES. Due dates are ISO dates; times of actions are UTC ISO text (timeutil); a court date with
a time is stored in UTC with its IANA zone name and its due date is the local date there.
  * Adding N months keeps the day of the month, clamped to the month's last day
    (31 January + 1 month = 28 or 29 February), and is always computed from the anchor (the first
    due date or the completion date), never from an earlier clamped result, so it never drifts:
    31 January + 2 months is 31 March. Years are 12 months (29 Feb 2024 + 1 year = 28 Feb 2025).
  * BIRTHDAYS: a child born on 29 February has their birthday on 1 March in common years (the
    first day on which they have lived the full number of years). Ages, age milestones and
    limitation clocks that start on a birthday all follow this one rule (birthday(), age_on()).

SCOPE (who sees which reminder; the grants themselves are in policy.POLICY, kind "followup"):
  * today's list (reminders()):
      coordinator  every reminder of the cases they lead (a rule of the child without a case:
                   if they lead any case of that child), of every discipline;
      therapist, medical, interviewer
                   the reminders of their own discipline, in every case;
      liaison      court dates and statute-of-limitation warnings, and rules of the liaison
                   discipline, in every case;
      admin        none (no grant). A user with several roles sees the union.
  * a child's plan (followup_plan()) and acting on a reminder (complete/decline/snooze, update a
    rule): coordinators any rule (as they may update any case); the other roles the rules of their
    own discipline (read: and the liaison's kinds). Creating rules and recording full recovery:
    coordinators.
  Reminders carry codes, dates and ids (and the child's name, for users who may read persons;
  and for the reminder of an MDT team action, what is to be done, the action's text, for users
  who may read meetings), never a note or a reason; reminders_as_json (the CLI) carries no names
  and no text. Audit entries name the
  rule or offence, never a reason, a note, a category or a due date.

TODAY LIST: reminders(as_of) returns every open occurrence due up to as_of + 60 days (overdue ones
however old), in buckets overdue (before as_of), this_week (as_of and the 6 days after) and
upcoming; bucket_counts() gives the navigation counts. as_of is the user's local date.

STATUTES OF LIMITATIONS are data: resources/jurisdictions/limitations.json (a centre's legal
adviser may fill in periods in <data folder>/jurisdictions/limitations.json; a jurisdiction there
replaces the shipped one whole). Where the table says null, the app says plainly that the period
is not filled in and is for the centre's legal adviser. No case is ever purged because a period
ended: there is no purge at all.
"""
from __future__ import annotations

import calendar
import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import and_, bindparam, delete, exists, false, insert, or_, select, true, update
from sqlalchemy.orm import aliased

from barnahus_app import paths, policy, vocab
from barnahus_app.errors import NotFound, PermissionDenied, RecordFileError, ValidationError
from barnahus_app.fields import Date, Text
from barnahus_app.followup.tables import AllegedOffence, FollowUpEvent, FollowUpRule, FullRecovery
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.meetings.tables import Meeting, MeetingItem, TeamAction
from barnahus_app.medical.tables import MedicalTest
from barnahus_app.persons.tables import Person
from barnahus_app.tables import RecordMeta
from barnahus_app.timeutil import age_on, birthday, check_datetime, parse_utc, utc_now, utc_now_iso, zone_info
from barnahus_app.cases.actions import require_case
from barnahus_app.persons.actions import require_person
from barnahus_app.session_base import SessionBase

R = FollowUpRule.__table__
EV = FollowUpEvent.__table__
FR = FullRecovery.__table__
OF = AllegedOffence.__table__
C = Case.__table__
CC = CaseChild.__table__
P = Person.__table__
TA = TeamAction.__table__
MTG = Meeting.__table__
MI = MeetingItem.__table__
MT = MedicalTest.__table__

ONE_OFF_KINDS = ("court_date", "action_item", "compensation_deadline", "carer_survey", "other")
KINDS = ("recurring_review", "age_milestone") + ONE_OFF_KINDS + (
    "guardian_review", "fixity_check", "statute_warning")
CREATABLE_KINDS = KINDS[:-1]
DISCIPLINES = ("coordinator", "therapist", "medical", "interviewer", "liaison")
DISCIPLINE_ROLES = ("therapist", "medical", "interviewer", "liaison")  # see their discipline's rules
LIAISON_KINDS = ("court_date", "statute_warning")
DEFAULT_MILESTONE_AGES = (12, 15, 18)
DEFAULT_REVIEW_MONTHS = 6
UPCOMING_DAYS = 60  # reminders() returns what is due up to this many days after as_of
WEEK_DAYS = 7
BUCKETS = ("overdue", "this_week", "upcoming")
LIMITATIONS_META_KEY = "followup.limitations_fingerprint"
_CHUNK = 5000


# --- dates ---------------------------------------------------------------------------------------

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(d: date, months: int) -> date:
    """d plus whole months, the day clamped to the month's end (never drifts: see the docstring)."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    day = d.day
    if day > 28:
        last = 29 if m == 1 and calendar.isleap(y) else _MONTH_DAYS[m]
        day = min(day, last)
    return date(y, m + 1, day)


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def carer_survey_dates(first_visit: date) -> tuple[date, date]:
    """The carers' outcome surveys: about 10 days and about 2 months after the first visit."""
    return first_visit + timedelta(days=10), add_months(first_visit, 2)


zone = zone_info


def local_date(utc_iso: str, zone_name: str) -> date:
    """The local calendar date, in the named zone, of a stored UTC time."""
    return parse_utc(utc_iso).astimezone(zone(zone_name)).date()


def local_today(zone_name: str | None = None) -> date:
    """Today in a zone (default UTC): what a front end passes as as_of."""
    now = utc_now()
    return now.astimezone(zone(zone_name)).date() if zone_name else now.date()


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _today() -> date:
    return utc_now().date()


# --- statutes of limitations --------------------------------------------------------------------

CLOCKS = ("offence_date", "victim_birthday", "never")


def _limitation_files() -> list[Path]:
    return [paths.resources_dir() / "jurisdictions" / "limitations.json",
            paths.data_dir() / "jurisdictions" / "limitations.json"]


def limitations_table() -> dict:
    """The limitation rules in force: the shipped table, with the centre's own file (filled in by
    its legal adviser) replacing whole jurisdictions. Re-read when either file changes."""
    stamp = []
    for p in _limitation_files():
        try:
            st = p.stat()
            stamp.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            continue
    return _load_limitations(tuple(stamp))


@lru_cache(maxsize=8)
def _load_limitations(stamp: tuple) -> dict:
    merged: dict | None = None
    for path_text, _m, _s in stamp:
        path = Path(path_text)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise RecordFileError(f"The limitation table {path.name} cannot be used: {e}.") from None
        _check_table(path, data, partial=merged is not None)
        if merged is None:
            merged = data
        else:
            merged = {**merged, "jurisdictions": {**merged["jurisdictions"], **data.get("jurisdictions", {})}}
            if "warning_lead_months" in data:
                merged["warning_lead_months"] = data["warning_lead_months"]
    if merged is None:
        raise RecordFileError("The limitation table resources/jurisdictions/limitations.json is missing.")
    return merged


def _check_table(path: Path, data: dict, partial: bool) -> None:
    def bad(why):
        raise RecordFileError(f"The limitation table {path} cannot be used: {why}.")

    if not isinstance(data, dict) or not isinstance(data.get("jurisdictions", {} if partial else None), dict):
        bad("it has no jurisdictions")
    lead = data.get("warning_lead_months", 12)
    if not isinstance(lead, int) or not 0 <= lead <= 240:
        bad("warning_lead_months must be a whole number of months from 0 to 240")
    categories = set(vocab.vocabulary("offence_categories").codes())
    for code, j in data["jurisdictions"].items():
        rules = j.get("rules") if isinstance(j, dict) else None
        if not isinstance(rules, list) or not rules:
            bad(f"jurisdiction {code} has no rules")
        jl = j.get("warning_lead_months", lead)
        if jl is not None and (not isinstance(jl, int) or not 0 <= jl <= 240):
            bad(f"jurisdiction {code}: warning_lead_months must be 0 to 240")
        for rule in rules:
            cats = rule.get("categories")
            if cats != "*" and (not isinstance(cats, list) or not set(cats) <= categories):
                bad(f"jurisdiction {code}: categories must be '*' or codes of offence_categories")
            clock = rule.get("clock_starts")
            if clock is not None:
                if not isinstance(clock, dict) or clock.get("from") not in CLOCKS:
                    bad(f"jurisdiction {code}: clock_starts.from must be one of {', '.join(CLOCKS)}")
                if clock["from"] == "victim_birthday" and not (
                        isinstance(clock.get("age"), int) and 0 < clock["age"] < 120):
                    bad(f"jurisdiction {code}: a clock starting on a birthday needs the age")
            periods = rule.get("period_years", {})
            if not isinstance(periods, dict):
                bad(f"jurisdiction {code}: period_years must map categories to years or null")
            for cat, years in periods.items():
                if cat != "*" and cat not in categories:
                    bad(f"jurisdiction {code}: period for unknown category {cat}")
                if years is not None and (not isinstance(years, int) or isinstance(years, bool)
                                          or not 0 < years <= 200):
                    bad(f"jurisdiction {code}: the period of {cat} must be whole years or null")
            if not isinstance(rule.get("sources", []), list):
                bad(f"jurisdiction {code}: sources must be a list")


def limitations_fingerprint(table: dict) -> str:
    return hashlib.sha256(json.dumps(table, sort_keys=True, ensure_ascii=True).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Limitation:
    """The statute of limitations of one alleged offence, as the table defines it.
    state: no_limitation | clock_not_filled_in | period_not_filled_in | unknown_jurisdiction |
    needs_date_of_birth | needs_offence_date | computed."""

    state: str
    jurisdiction: str
    category: str
    clock: str | None = None
    clock_age: int | None = None
    starts_on: date | None = None
    period_years: int | None = None
    expires_on: date | None = None
    warn_on: date | None = None
    lead_months: int = 12
    sources: tuple = ()


def compute_limitation(table: dict, jurisdiction: str, category: str, offence_date: date | None,
                       dob: date | None) -> Limitation:
    j = table["jurisdictions"].get(jurisdiction)
    lead = table.get("warning_lead_months", 12)
    if j is None:
        return Limitation("unknown_jurisdiction", jurisdiction, category, lead_months=lead)
    if j.get("warning_lead_months") is not None:
        lead = j["warning_lead_months"]
    rule = next((r for r in j["rules"] if r["categories"] == "*" or category in r["categories"]), None)
    if rule is None:
        return Limitation("clock_not_filled_in", jurisdiction, category, lead_months=lead)
    sources = tuple(json.dumps(s, sort_keys=True, ensure_ascii=False) for s in rule.get("sources", []))
    base = dict(jurisdiction=jurisdiction, category=category, lead_months=lead, sources=sources)
    clock = rule.get("clock_starts")
    if clock is None:
        return Limitation("clock_not_filled_in", **base)
    kind, age = clock["from"], clock.get("age")
    base.update(clock=kind, clock_age=age)
    if kind == "never":
        return Limitation("no_limitation", **base)
    periods = rule.get("period_years", {})
    years = periods.get(category, periods.get("*"))
    base["period_years"] = years
    if kind == "victim_birthday":
        if dob is None:
            return Limitation("needs_date_of_birth", **base)
        start = birthday(dob, age)
        if offence_date and offence_date > start:
            start = offence_date
    else:
        if offence_date is None:
            return Limitation("needs_offence_date", **base)
        start = offence_date
    base["starts_on"] = start
    if years is None:
        return Limitation("period_not_filled_in", **base)
    expires = add_years(start, years)
    return Limitation("computed", expires_on=expires, warn_on=add_months(expires, -lead), **base)


def _labels(language: str = "en"):
    cats = vocab.vocabulary("offence_categories")
    jurs = vocab.jurisdiction_labels(language)
    return cats, jurs


def describe_limitation(lim: Limitation, today: date | None = None, language: str = "en") -> str:
    """What the app says about a limitation, plainly."""
    cats, jurs = _labels(language)
    cat, jur = cats.label(lim.category, language), jurs.get(lim.jurisdiction, lim.jurisdiction)
    today = today or _today()
    never = " No case is ever purged because a limitation period ended."
    if lim.state == "unknown_jurisdiction":
        return (f"The limitation table has no rules for {jur}. Not filled in: this is for the centre's "
                f"legal adviser to fill in." + never)
    if lim.state == "clock_not_filled_in":
        return (f"When the limitation period for {cat} starts in {jur}, and how long it is, is not "
                f"filled in: this is for the centre's legal adviser to fill in. No warning can be "
                f"given until it is." + never)
    if lim.state == "no_limitation":
        return f"No limitation: in {jur} there is no statute of limitations for {cat}. No warning is needed."
    start = (f"on the victim's {lim.clock_age}th birthday" if lim.clock == "victim_birthday"
             else "on the date of the offence")
    if lim.state == "needs_date_of_birth":
        return (f"In {jur} the period for {cat} starts {start}, but the child's date of birth is not "
                f"recorded: record it so the period can be computed.")
    if lim.state == "needs_offence_date":
        return (f"In {jur} the period for {cat} starts {start}, but the offence date is not "
                f"recorded: record it so the period can be computed.")
    if lim.state == "period_not_filled_in":
        return (f"In {jur} the period for {cat} starts {start} ({lim.starts_on.isoformat()}). How many "
                f"years it lasts is not filled in: this is for the centre's legal adviser to fill in. "
                f"No warning can be given until it is." + never)
    if lim.expires_on < today:
        return (f"The limitation period for {cat} in {jur} ended on {lim.expires_on.isoformat()} "
                f"({lim.period_years} years from {lim.starts_on.isoformat()})." + never)
    return (f"The limitation period for {cat} in {jur} runs {lim.period_years} years from "
            f"{lim.starts_on.isoformat()} and ends on {lim.expires_on.isoformat()}; a warning appears "
            f"among the reminders on {lim.warn_on.isoformat()} ({lim.lead_months} months before).")


# --- the state of a rule --------------------------------------------------------------------------

def schedule_of(kind: str, interval_months: int | None) -> str:
    if kind == "age_milestone":
        return "ages"
    if kind == "statute_warning":
        return "statute"
    if kind == "recurring_review" or interval_months:
        return "recurring"
    return "once"


def parse_ages(text: str | None) -> tuple[int, ...]:
    return tuple(int(a) for a in text.split(",")) if text else ()


def compute_state(kind: str, due_on: date | None, interval_months: int | None, ages: tuple,
                  until_recovery: bool, created_at: str, events, dob: date | None,
                  recovered_at=(), limitation: Limitation | None = None) -> tuple[str, list]:
    """(status, pending) of one rule. events: (action, occurrence, on_date, new_due) oldest first,
    dates as date objects. recovered_at: the recorded_at (UTC text) of the child's full recoveries.
    pending: [(occurrence key, due date, flag)] sorted by date; flag "", "snoozed" or "offer_again".
    status: active | done | declined | recovered | needs_date_of_birth | needs_due_date, or for a
    statute warning the Limitation state when no warning can be computed."""
    sched = schedule_of(kind, interval_months)
    if sched == "recurring" and until_recovery and any(r >= created_at for r in recovered_at):
        return "recovered", []
    if sched == "ages":
        if dob is None:
            return "needs_date_of_birth", []
        start = due_on or dob
        base = [(f"age:{a}", d) for a in ages for d in (birthday(dob, a),) if d >= start]
        if not base:
            return "done", []
    elif sched == "statute":
        if limitation is None or limitation.warn_on is None:
            return (limitation.state if limitation else "clock_not_filled_in"), []
        base = [(f"expiry:{limitation.expires_on.isoformat()}", limitation.warn_on)]
    else:
        if due_on is None:
            return "needs_due_date", []
        base = [((f"due:{due_on.isoformat()}" if sched == "recurring" else f"once:{due_on.isoformat()}"), due_on)]
    pending = {k: [d, ""] for k, d in base}
    last = None
    # A recurring series: occurrence k falls on add_months(anchor, k * interval). Completed on its
    # due date, the series goes on from the same anchor (no drift from a clamped month end);
    # completed on another day, it starts again from that day.
    anchor, step, nominal = due_on, 0, due_on
    for action, occ, on, new in events:
        cur = pending.get(occ)
        if cur is None:
            continue  # an occurrence that no longer exists (its date or the rule changed)
        if action == "completed":
            del pending[occ]
            last = "done"
            if sched == "recurring":
                if on == nominal:
                    step += 1
                else:
                    anchor, step = on, 1
                nominal = add_months(anchor, step * (interval_months or DEFAULT_REVIEW_MONTHS))
                pending[f"due:{nominal.isoformat()}"] = [nominal, ""]
        elif action == "snoozed":
            cur[0], cur[1] = new, "snoozed"
        elif action == "declined":
            if new is not None:
                cur[0], cur[1] = new, "offer_again"
            else:
                del pending[occ]
                last = "declined"
    if not pending:
        return last or "done", []
    return "active", sorted(((k, d, f) for k, (d, f) in pending.items()), key=lambda x: (x[1], x[0]))


def encode_pending(pending: list) -> str | None:
    return ";".join(f"{k}|{d.isoformat()}|{f}" for k, d, f in pending) or None


def decode_pending(text: str | None) -> list[tuple[str, str, str]]:
    """[(key, ISO date, flag)]"""
    if not text:
        return []
    return [tuple(item.split("|")) for item in text.split(";")]


def _chunks(items: list, n: int = _CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def recompute(conn, where, table: dict | None = None) -> dict[int, tuple]:
    """Recompute status, next_due and pending of the rules matching `where` (an SQL condition on
    followup_rules) and write the ones that changed. Returns {rule_id: (status, pending)}."""
    rows = conn.execute(select(
        R.c.id, R.c.kind, R.c.due_on, R.c.interval_months, R.c.ages, R.c.until_recovery,
        R.c.created_at, R.c.person_id, R.c.offence_id, R.c.status, R.c.pending,
        P.c.date_of_birth).join(P, P.c.id == R.c.person_id).where(where)).all()
    if not rows:
        return {}
    ids = [r.id for r in rows]
    events: dict[int, list] = {}
    for part in _chunks(ids):
        for e in conn.execute(select(EV.c.rule_id, EV.c.action, EV.c.occurrence, EV.c.on_date, EV.c.new_due)
                              .where(EV.c.rule_id.in_(part)).order_by(EV.c.id)):
            events.setdefault(e.rule_id, []).append((e.action, e.occurrence, _d(e.on_date), _d(e.new_due)))
    persons = sorted({r.person_id for r in rows if r.until_recovery})
    recovered: dict[int, list] = {}
    for part in _chunks(persons):
        for f in conn.execute(select(FR.c.person_id, FR.c.recorded_at).where(FR.c.person_id.in_(part))):
            recovered.setdefault(f.person_id, []).append(f.recorded_at)
    offence_ids = [r.offence_id for r in rows if r.offence_id]
    offences = {}
    if offence_ids:
        table = table or limitations_table()
        for part in _chunks(offence_ids):
            for o in conn.execute(select(OF.c.id, OF.c.category, OF.c.offence_date, OF.c.jurisdiction)
                                  .where(OF.c.id.in_(part))):
                offences[o.id] = o
    out, changed = {}, []
    for r in rows:
        dob = _d(r.date_of_birth)
        lim = None
        if r.offence_id:
            o = offences[r.offence_id]
            lim = compute_limitation(table, o.jurisdiction, o.category, _d(o.offence_date), dob)
        status, pending = compute_state(r.kind, _d(r.due_on), r.interval_months, parse_ages(r.ages),
                                        r.until_recovery, r.created_at, events.get(r.id, ()), dob,
                                        recovered.get(r.person_id, ()), lim)
        text = encode_pending(pending)
        out[r.id] = (status, pending)
        if status != r.status or text != r.pending:
            changed.append({"rid": r.id, "st": status, "nd": pending[0][1].isoformat() if pending else None,
                            "pe": text})
    if changed:
        conn.execute(update(R).where(R.c.id == bindparam("rid")).values(
            status=bindparam("st"), next_due=bindparam("nd"), pending=bindparam("pe")), changed)
    return out


def refresh_limitations(conn, force: bool = False) -> bool:
    """Recompute every statute warning if the limitation table changed since they were computed
    (e.g. the legal adviser filled in a period). Returns True if it did."""
    table = limitations_table()
    fp = limitations_fingerprint(table)
    M = RecordMeta.__table__
    stored = conn.execute(select(M.c.value).where(M.c.key == LIMITATIONS_META_KEY)).scalar()
    if stored == fp and not force:
        return False
    recompute(conn, R.c.offence_id.isnot(None), table)
    conn.execute(delete(M).where(M.c.key == LIMITATIONS_META_KEY))
    conn.execute(insert(M).values(key=LIMITATIONS_META_KEY, value=fp))
    return True


# --- reminders -----------------------------------------------------------------------------------

# The Today list's statements (FollowUpActions.reminders). DUE_SQL is a range scan of the covering
# index ix_followup_next_due; the others look up the few rows the user may see, by key.
DUE_SQL = ("SELECT id, next_due, discipline, kind, case_id, person_id, offence_id, pending "
           "FROM followup_rules WHERE next_due <= ?")
LED_SQL = "SELECT id FROM cases WHERE case_lead_id = ?"
CASES_OF_SQL = ("SELECT person_id, case_id FROM case_children "
                "WHERE person_id IN (SELECT value FROM json_each(?))")
REFS_SQL = "SELECT id, reference FROM cases WHERE id IN (SELECT value FROM json_each(?))"
NAMES_SQL = "SELECT id, given_name, family_name FROM persons WHERE id IN (SELECT value FROM json_each(?))"
SUBJECT_KINDS_SQL = ("SELECT id, subject_kind FROM followup_rules WHERE subject_kind IS NOT NULL "
                     "AND id IN (SELECT value FROM json_each(?))")
SUBJECTS_SQL = ("SELECT r.id, t.text FROM followup_rules r JOIN team_actions t ON t.id = r.subject_id "
                "WHERE r.subject_kind = 'team_action' AND r.id IN (SELECT value FROM json_each(?))")


def _cases_of(cur, person_ids, into: dict) -> None:
    if person_ids:
        for pid, cid in cur.execute(CASES_OF_SQL, (json.dumps(sorted(person_ids)),)):
            into.setdefault(pid, []).append(cid)


# Where a reminder is acted on, by its subject (Reminder.opens): the psychosocial follow-up's goal
# reviews and re-screens, and the justice track's hearings, release dates, claim deadlines and
# rights-explained checkpoints.
PSYCHOSOCIAL_SUBJECTS = ("recovery_goal", "psychosocial_rescreen")
JUSTICE_SUBJECTS = ("justice_hearing", "justice_release", "compensation_claim", "rights_after_interview",
                    "rights_at_verdict")


@dataclass(slots=True)
class Reminder:
    """One open occurrence of a follow-up rule, due on `due`. Codes, dates and ids only.
    opens: where a front end goes to act on it: ("case", case_id, place) or ("person", person_id,
    place) for a follow-up of the child, not of a case; place: "offences" (a statute warning: the
    alleged offences), "psychosocial" or "justice" (by the subject, above), else "followup"."""

    kind: str
    case_reference: str | None
    case_id: int | None
    person_id: int
    due: date
    rule_id: int
    title_code: str
    bucket: str
    occurrence: str
    flag: str = ""               # "", "snoozed" or "offer_again"
    age: int | None = None       # age milestones
    offence_id: int | None = None
    discipline: str = "coordinator"
    child_name: str | None = None  # only for users who may read persons
    subject: str | None = None     # an MDT team action's reminder: the action's text (users who read meetings)
    subject_kind: str | None = None  # an action item's subject: "team_action", "medical_test" (a pending
    #                                  result), "medical_examination" (a follow-up examination needed),
    #                                  "recovery_goal" (a goal's review); a recurring review's:
    #                                  "psychosocial_rescreen" (psychosocial_rescreens.id)

    @property
    def opens(self) -> tuple:
        place = ("offences" if self.kind == "statute_warning" else
                 "psychosocial" if self.subject_kind in PSYCHOSOCIAL_SUBJECTS else
                 "justice" if self.subject_kind in JUSTICE_SUBJECTS else "followup")
        return ("person", self.person_id, place) if self.case_id is None else ("case", self.case_id, place)


def bucket_of(due: date, as_of: date) -> str:
    if due < as_of:
        return "overdue"
    if due < as_of + timedelta(days=WEEK_DAYS):
        return "this_week"
    return "upcoming"


def bucket_counts(reminders) -> dict[str, int]:
    """Counts for the navigation: {"overdue": n, "this_week": n, "upcoming": n}."""
    out = dict.fromkeys(BUCKETS, 0)
    for r in reminders:
        out[r.bucket] += 1
    return out


def reminders_as_json(reminders) -> list[dict]:
    """For `barnahus reminders --json`: case reference, kind (and for an action item or a feature's
    reminder, what it is about as a code: subject_kind, e.g. "justice_release"), due date, bucket
    and ids. No names and no free text (nothing that identifies a child leaves the record without
    need)."""
    return [{"case_reference": r.case_reference, "kind": r.kind, "subject_kind": r.subject_kind,
             "due": r.due.isoformat(), "bucket": r.bucket, "occurrence": r.occurrence, "rule_id": r.rule_id,
             "case_id": r.case_id, "person_id": r.person_id} for r in reminders]


# --- the Session mixin ----------------------------------------------------------------------------

RULE_FIELDS = {
    "due_on": Date(),
    "note": Text(5000, multiline=True),
}
OFFENCE_FIELDS = {"offence_date": Date(not_future=True)}


def _int(field: str, value, lo: int, hi: int) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValidationError(field, f"must be a whole number from {lo} to {hi}.")
    return value


def _future_date(field: str, value, required: bool) -> date | None:
    text = Date(required=required).clean(field, value)
    if text is None:
        return None
    d = date.fromisoformat(text)
    if d <= _today():
        raise ValidationError(field, "must be after today.")
    return d


class FollowUpActions(SessionBase):
    # --- scope ---------------------------------------------------------------------------------
    def _followup_scope(self, today_list: bool, case_alias=None):
        """An SQL condition on followup_rules (R) for what this user may see or act on.
        today_list: the Today view (coordinators: the cases they lead); otherwise a child's plan
        and actions (coordinators: every rule)."""
        roles = set(self.roles)
        conds = []
        if "coordinator" in roles:
            if not today_list:
                return true()
            lead = case_alias.c.case_lead_id == self.user_id if case_alias is not None else (
                R.c.case_id.in_(select(C.c.id).where(C.c.case_lead_id == self.user_id)))
            cc, c2 = aliased(CC), aliased(C)
            # "+ 0": look the child's few cases up by person, not every case the user leads
            led_child = exists(select(cc.c.case_id).join(c2, c2.c.id == cc.c.case_id).where(
                cc.c.person_id == R.c.person_id, (c2.c.case_lead_id + 0) == self.user_id))
            conds.append(or_(and_(R.c.case_id.isnot(None), lead), and_(R.c.case_id.is_(None), led_child)))
        discs = [d for d in DISCIPLINE_ROLES if d in roles]
        if discs:
            conds.append(R.c.discipline.in_(discs))
        if "liaison" in roles:
            conds.append(R.c.kind.in_(LIAISON_KINDS))
        return or_(*conds) if conds else false()

    def _rule_for_action(self, conn, rule_id: int):
        row = conn.execute(select(R).where(R.c.id == rule_id)).first()
        if row is None:
            raise NotFound(f"There is no follow-up rule {rule_id}.")
        if self._may_act_on(row.discipline):
            return row
        raise PermissionDenied("This follow-up belongs to another discipline; your roles do not allow "
                               "you to change it (followup: update).")

    def _may_act_on(self, discipline: str) -> bool:
        """Coordinators act on any follow-up; another role on its own discipline's, if that role
        itself may update follow-up (a liaison who is also medical staff acts on medical ones)."""
        return "coordinator" in self.roles or (
            discipline in self.roles and policy.allowed([discipline], "followup", "update"))

    # --- plans -----------------------------------------------------------------------------------
    def add_followup_rule(self, person_id: int, kind: str, case_id: int | None = None, *,
                          due_on=None, due_at=None, time_zone: str | None = None,
                          interval_months: int | None = None, ages=None,
                          until_recovery: bool | None = None, discipline: str | None = None,
                          subject_kind: str | None = None, subject_id: int | None = None,
                          note: str | None = None) -> int:
        """Add a rule to a child's follow-up plan (see the module docstring for the kinds).
        due_on: the date of a one-off; the first review of a recurring rule (default: interval
        months from today); for age milestones the day from which milestones count (default
        today). due_at + time_zone: a one-off with a time, stored in UTC with the zone name."""
        self._authorize("followup", "create")
        if kind not in CREATABLE_KINDS:
            raise ValidationError("kind", f"'{str(kind)[:40]}' is not a kind of follow-up; use one of "
                                          f"{', '.join(CREATABLE_KINDS)}.")
        values = clean_rule(kind, dict(
            due_on=due_on, due_at=due_at, time_zone=time_zone, interval_months=interval_months,
            ages=ages, until_recovery=until_recovery, discipline=discipline, subject_kind=subject_kind,
            subject_id=subject_id, note=note), new=True)
        with self.record.transaction() as conn:
            _require_child(conn, person_id, case_id)
            rid = insert_rule(self, conn, person_id, case_id, kind, values)
            row = conn.execute(select(R).where(R.c.id == rid)).first()
            audit_rule(self, conn, "followup.rule_added", row, {"rule": rid, "kind": kind})
        return rid

    def update_followup_rule(self, rule_id: int, **values) -> None:
        """Change a rule: a court date that moved, another interval, other ages, the note. A moved
        date is a new occurrence: what was done about the old date does not end it."""
        self._authorize("followup", "update")
        allowed = {"due_on", "due_at", "time_zone", "interval_months", "ages", "until_recovery",
                   "discipline", "subject_kind", "subject_id", "note"}
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a follow-up rule.")
        with self.record.transaction() as conn:
            row = self._rule_for_action(conn, rule_id)
            if row.kind == "statute_warning":
                raise ValidationError("kind", "A statute-of-limitation warning follows its alleged offence "
                                              "and the limitation table; change the offence instead.")
            data = clean_rule(row.kind, values, new=False, current=row)
            if "discipline" in data and not self._may_act_on(data["discipline"]):
                raise PermissionDenied("You can only give a follow-up to your own discipline.")
            if data:
                conn.execute(update(R).where(R.c.id == rule_id).values(**data, updated_at=utc_now_iso()))
            recompute(conn, R.c.id == rule_id)
            audit_rule(self, conn, "followup.rule_updated", row, {"rule": rule_id, "fields": sorted(values)})

    # --- acting on a reminder ------------------------------------------------------------------
    def complete_reminder(self, rule_id: int, on=None, occurrence: str | None = None,
                          note: str | None = None) -> int:
        """Done, with an optional note (kept in the event's text column). A recurring review then
        falls due again interval months after `on` (default today; not in the future)."""
        self._authorize("followup", "update")
        on_text = Date(not_future=True).clean("on", on) or _today().isoformat()
        note = Text(2000, multiline=True).clean("note", note)
        return self._reminder_event(rule_id, "completed", occurrence, on_text, None, note)

    def decline_reminder(self, rule_id: int, reason: str, offer_again=None,
                         occurrence: str | None = None) -> int:
        """Declined, with a reason (required), and optionally a date (after today) to offer again."""
        self._authorize("followup", "update")
        reason = Text(2000, required=True, multiline=True).clean("reason", reason)
        again = _future_date("offer_again", offer_again, required=False)
        return self._reminder_event(rule_id, "declined", occurrence, _today().isoformat(),
                                    again.isoformat() if again else None, reason)

    def snooze_reminder(self, rule_id: int, new_date=None, occurrence: str | None = None) -> int:
        """Not now: snoozing needs a new date, after today."""
        self._authorize("followup", "update")
        if new_date in (None, ""):
            raise ValidationError("new_date", "Snoozing needs a new date: when should it come back?")
        new = _future_date("new_date", new_date, required=True)
        return self._reminder_event(rule_id, "snoozed", occurrence, _today().isoformat(), new.isoformat(), None)

    def _reminder_event(self, rule_id, action, occurrence, on_text, new_due, reason) -> int:
        with self.record.transaction() as conn:
            row = self._rule_for_action(conn, rule_id)
            if row.offence_id:
                refresh_limitations(conn)
            status, pending = recompute(conn, R.c.id == rule_id)[rule_id]
            if not pending:
                raise ValidationError("reminder", "This follow-up has no open reminder: it was completed, "
                                                  "declined, or cannot be computed yet.")
            keys = [k for k, _d, _f in pending]
            occ = occurrence or keys[0]
            if occ not in keys:
                raise ValidationError("occurrence", "is not an open reminder of this follow-up.")
            eid = reminder_event_in(self, conn, row, action, occ, on_text, new_due, reason)
        return eid

    def end_followup_rule(self, rule_id: int, reason: str) -> int:
        """End a rule of the plan: every open occurrence is declined with the reason (required),
        so its history says why it ended. Returns how many occurrences it ended. A statute
        warning follows its alleged offence and cannot be ended by hand."""
        self._authorize("followup", "update")
        reason = Text(2000, required=True, multiline=True).clean("reason", reason)
        today = _today().isoformat()
        with self.record.transaction() as conn:
            row = self._rule_for_action(conn, rule_id)
            if row.kind == "statute_warning":
                raise ValidationError("kind", "A statute-of-limitation warning follows its alleged offence and "
                                              "the limitation table; it cannot be ended by hand.")
            _status, pending = recompute(conn, R.c.id == rule_id)[rule_id]
            if not pending:
                raise ValidationError("reminder", "This follow-up has no open reminder to end: it was completed, "
                                                  "declined, or cannot be computed yet.")
            for occurrence, _due, _flag in pending:
                reminder_event_in(self, conn, row, "declined", occurrence, today, None, reason, audit=False)
            audit_rule(self, conn, "followup.rule_ended", row, {"rule": rule_id, "occurrences": len(pending)})
        return len(pending)

    def record_relapse(self, person_id: int, case_id: int | None = None, *, first_review_on=None,
                       interval_months: int | None = None, note: str | None = None) -> int:
        """The child relapsed after a recorded full recovery: recurring reviews start again (a new
        recurring review, ended only by a later full recovery), marked as following that
        recovery (subject_kind "full_recovery"). first_review_on: default interval months from
        today. Returns the new rule's id."""
        self._authorize("followup", "create")
        values = clean_rule("recurring_review", dict(due_on=first_review_on, interval_months=interval_months,
                                                     note=note), new=True)
        with self.record.transaction() as conn:
            _require_child(conn, person_id, case_id)
            last = conn.execute(select(FR.c.id).where(FR.c.person_id == person_id)
                                .order_by(FR.c.id.desc()).limit(1)).scalar()
            if last is None:
                raise ValidationError("person_id", "No full recovery is recorded for this child: a relapse "
                                                   "follows one. Plan a recurring review instead.")
            rid = insert_rule(self, conn, person_id, case_id, "recurring_review",
                              {**values, "subject_kind": "full_recovery", "subject_id": last})
            row = conn.execute(select(R).where(R.c.id == rid)).first()
            audit_rule(self, conn, "followup.relapse_recorded", row, {"rule": rid, "recovery": last})
        return rid

    def record_full_recovery(self, person_id: int, on=None, basis: str | None = None,
                             meeting_id: int | None = None) -> int:
        """The MDT records the child's full recovery: the child's recurring reviews made before it
        (until_recovery) end. Age milestones, one-off dates and statute warnings stay.
        meeting_id: the MDT meeting that decided it (held, with a case of the child on its
        agenda); `on` then defaults to the meeting's local date, and the meeting is stored with
        the recovery."""
        self._authorize("followup", "create")
        on_text = Date(not_future=True).clean("on", on)
        basis = Text(5000, multiline=True).clean("basis", basis)
        meeting_id = _int("meeting_id", meeting_id, 1, 2**62)
        with self.record.transaction() as conn:
            _require_child(conn, person_id, None)
            if meeting_id is not None:
                day = _deciding_meeting_day(conn, meeting_id, person_id)
                on_text = on_text or day.isoformat()
            on_text = on_text or _today().isoformat()
            fid = conn.execute(insert(FR).values(
                person_id=person_id, recovered_on=on_text, basis=basis, recorded_by=self.user_id,
                recorded_at=utc_now_iso(), meeting_id=meeting_id)).inserted_primary_key[0]
            states = recompute(conn, and_(R.c.person_id == person_id, R.c.until_recovery.is_(True)))
            ended = sum(1 for s, _p in states.values() if s == "recovered")
            self._audit(conn, "followup.full_recovery_recorded", "person", person_id,
                        {"recovery": fid, "rules_ended": ended,
                         **({"meeting": meeting_id} if meeting_id is not None else {})})
        return fid

    def _person_changed(self, conn, person_id: int, fields: set[str]) -> None:
        """Milestones and birthday clocks follow a new date of birth."""
        if "date_of_birth" in fields:
            recompute(conn, R.c.person_id == person_id)
        super()._person_changed(conn, person_id, fields)

    # --- reading -------------------------------------------------------------------------------
    def reminders(self, as_of, upcoming_days: int = UPCOMING_DAYS, *, only_mine: bool = False) -> list[Reminder]:
        """Every open reminder this user may see that is due by as_of + upcoming_days (overdue
        ones however old), sorted by due date. Buckets: overdue (before as_of), this_week (as_of
        and the 6 days after), upcoming. as_of is the user's local date (local_today).
        only_mine: only those of the user's own disciplines (a coordinator's: the coordinator's,
        not the therapist's or the doctor's follow-up of the cases they lead).

        One range scan of the covering index ix_followup_next_due (DUE_SQL) gives every due rule
        with what the scope needs; the scope (module docstring; _followup_scope(True) says the same
        in SQL) is applied to those rows here, and the case references (and, for users who may
        read persons, the child's name; for users who may read meetings, a team action's text)
        are then fetched for the visible rows only. Plain DB-API
        cursors in the session's transaction: at 100k cases SQLAlchemy's row objects cost more
        than the queries."""
        self._authorize("followup", "read")
        as_of = date.fromisoformat(Date(required=True).clean("as_of", as_of))
        upcoming_days = _int("upcoming_days", upcoming_days, 0, 40_000)
        if not isinstance(only_mine, bool):
            raise ValidationError("only_mine", "must be true or false.")
        h = (as_of + timedelta(days=upcoming_days)).isoformat()
        today, week = as_of.isoformat(), (as_of + timedelta(days=WEEK_DAYS)).isoformat()
        roles = set(self.roles)
        discs = {d for d in DISCIPLINE_ROLES if d in roles}
        liaison, coordinator = "liaison" in roles, "coordinator" in roles
        names = self.can("person", "read")
        out = []
        with self.record.transaction() as conn:
            refresh_limitations(conn)
            cur = conn.connection.dbapi_connection.cursor()
            try:
                seen, undecided = [], []
                for r in cur.execute(DUE_SQL, (h,)).fetchall():
                    if r[2] in discs or (liaison and r[3] in LIAISON_KINDS):
                        seen.append(r)
                    elif coordinator:
                        undecided.append(r)
                person_cases: dict[int, list] = {}
                if undecided:
                    led = {i for (i,) in cur.execute(LED_SQL, (self.user_id,))}
                    _cases_of(cur, {r[5] for r in undecided if r[4] is None}, person_cases)
                    seen += [r for r in undecided if (r[4] in led if r[4] is not None else
                                                      any(c in led for c in person_cases.get(r[5], ())))]
                _cases_of(cur, {r[5] for r in seen if r[4] is None} - set(person_cases), person_cases)
                # a rule of the child without a case: shown under the child's most recent case
                case_of = {r[0]: r[4] if r[4] is not None else max(person_cases.get(r[5]) or [0]) for r in seen}
                refs = dict(cur.execute(REFS_SQL, (json.dumps(sorted(set(case_of.values()))),)))
                who = {}
                if names:
                    who = {i: f"{g} {f}".strip() for i, g, f in cur.execute(
                        NAMES_SQL, (json.dumps(sorted({r[5] for r in seen})),))}
                subjects, subject_kinds = {}, {}
                actions = sorted(r[0] for r in seen if r[3] == "action_item")
                with_subject = sorted(r[0] for r in seen if r[3] in ("action_item", "recurring_review", "court_date",
                                                                        "compensation_deadline"))
                if with_subject:
                    subject_kinds = dict(cur.execute(SUBJECT_KINDS_SQL, (json.dumps(with_subject),)))
                if actions and self.can("meeting", "read"):
                    subjects = dict(cur.execute(SUBJECTS_SQL, (json.dumps(actions),)))
            finally:
                cur.close()
            if only_mine:
                seen = [r for r in seen if r[2] in roles]
            for rid, _nd, disc, kind, case_id, pid, offence, pending in seen:
                ref, title, name = refs.get(case_of[rid]), "followup." + kind, who.get(pid)
                for item in pending.split(";"):
                    key, due_text, flag = item.split("|")
                    if due_text > h:
                        break
                    bucket = "overdue" if due_text < today else "this_week" if due_text < week else "upcoming"
                    out.append(Reminder(kind, ref, case_id, pid, date.fromisoformat(due_text), rid, title, bucket,
                                        key, flag, int(key[4:]) if key[0] == "a" else None, offence, disc, name,
                                        subjects.get(rid), subject_kinds.get(rid)))
            out.sort(key=lambda x: (x.due, x.case_reference or "", x.rule_id, x.occurrence))
            self._audit(conn, "followup.reminders_read", None, None,
                        {"as_of": as_of.isoformat(), "reminders": len(out), **({"only_mine": True} if only_mine else {})})
        return out

    def followup_plan(self, person_id: int) -> dict:
        """A child's follow-up plan as this user may see it: rules with their open occurrences and
        what was done about them, and the recorded full recoveries (with meeting_on, the local
        date of the MDT meeting that decided one, if it was recorded at a meeting)."""
        self._authorize("followup", "read")
        with self.record.transaction() as conn:
            require_person(conn, person_id)
            refresh_limitations(conn)
            rules = [dict(r._mapping) for r in conn.execute(
                select(R, C.c.reference.label("case_reference")).outerjoin(C, C.c.id == R.c.case_id)
                .where(R.c.person_id == person_id, self._followup_scope(False)).order_by(R.c.id))]
            ids = [r["id"] for r in rules]
            events: dict[int, list] = {}
            if ids:
                for e in conn.execute(select(EV).where(EV.c.rule_id.in_(ids)).order_by(EV.c.id)):
                    events.setdefault(e.rule_id, []).append(dict(e._mapping))
            for r in rules:
                r["ages"] = list(parse_ages(r["ages"]))
                r["pending"] = [{"occurrence": k, "due": d, "flag": f} for k, d, f in decode_pending(r["pending"])]
                r["events"] = events.get(r["id"], [])
            recoveries = []
            for f in conn.execute(select(FR, MTG.c.starts_at_utc, MTG.c.time_zone)
                                  .outerjoin(MTG, MTG.c.id == FR.c.meeting_id)
                                  .where(FR.c.person_id == person_id).order_by(FR.c.id)):
                rec = {k: f._mapping[k] for k in FR.c.keys()}
                rec["meeting_on"] = local_date(f.starts_at_utc, f.time_zone).isoformat() if f.meeting_id else None
                recoveries.append(rec)
            self._audit(conn, "followup.plan_read", "person", person_id, {"rules": len(rules)})
        return {"person_id": person_id, "rules": rules, "full_recoveries": recoveries}

    # --- alleged offences and limitations ------------------------------------------------------
    def add_alleged_offence(self, case_id: int, category: str, offence_date=None,
                            jurisdiction: str | None = None, victim_person_id: int | None = None) -> int:
        """An alleged offence of a case, for its statute of limitations. jurisdiction: default the
        case's. victim_person_id: default the case's child when it has one. Its warning reminder
        is made and kept current by the core."""
        self._authorize("case", "update")
        vocab.check_code("offence_categories", "category", category, required=True)
        od = OFFENCE_FIELDS["offence_date"].clean("offence_date", offence_date)
        if jurisdiction is not None:
            vocab.check_jurisdiction(jurisdiction)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            row = require_case(conn, case_id)
            victim = _offence_victim(conn, case_id, victim_person_id)
            oid = conn.execute(insert(OF).values(
                case_id=case_id, victim_person_id=victim, category=category, offence_date=od,
                jurisdiction=jurisdiction or row.jurisdiction, created_by=self.user_id,
                created_at=now, updated_at=now)).inserted_primary_key[0]
            conn.execute(insert(R).values(
                person_id=victim, case_id=case_id, kind="statute_warning", discipline="coordinator",
                until_recovery=False, offence_id=oid, status="active", created_by=self.user_id,
                created_at=now, updated_at=now))
            refresh_limitations(conn)
            recompute(conn, R.c.offence_id == oid)
            self._audit(conn, "case.offence_added", "case", case_id, {"offence": oid})
        return oid

    def update_alleged_offence(self, offence_id: int, **values) -> None:
        self._authorize("case", "update")
        allowed = {"category", "offence_date", "jurisdiction", "victim_person_id"}
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of an alleged offence.")
        data = {}
        if "category" in values:
            data["category"] = vocab.check_code("offence_categories", "category", values["category"], required=True)
        if "offence_date" in values:
            data["offence_date"] = OFFENCE_FIELDS["offence_date"].clean("offence_date", values["offence_date"])
        if "jurisdiction" in values:
            data["jurisdiction"] = vocab.check_jurisdiction(values["jurisdiction"])
        with self.record.transaction() as conn:
            o = conn.execute(select(OF).where(OF.c.id == offence_id)).first()
            if o is None:
                raise NotFound(f"There is no alleged offence {offence_id}.")
            if "victim_person_id" in values:
                data["victim_person_id"] = _offence_victim(conn, o.case_id, values["victim_person_id"])
                conn.execute(update(R).where(R.c.offence_id == offence_id).values(person_id=data["victim_person_id"]))
            if data:
                conn.execute(update(OF).where(OF.c.id == offence_id).values(**data, updated_at=utc_now_iso()))
            refresh_limitations(conn)
            recompute(conn, R.c.offence_id == offence_id)
            self._audit(conn, "case.offence_updated", "case", o.case_id,
                        {"offence": offence_id, "fields": sorted(values)})

    def limitation_status(self, case_id: int, as_of=None, language: str = "en") -> list[dict]:
        """The statute of limitations of each alleged offence of a case, said plainly, with the
        table's sources and the state of its warning reminder. Never purges anything."""
        self._authorize("case", "read")
        today = date.fromisoformat(Date().clean("as_of", as_of) or _today().isoformat())
        table = limitations_table()
        cats, jurs = _labels(language)
        out = []
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            refresh_limitations(conn)
            rows = conn.execute(
                select(OF, P.c.date_of_birth, R.c.id.label("rule_id"), R.c.status.label("rule_status"),
                       R.c.next_due).join(P, P.c.id == OF.c.victim_person_id)
                .outerjoin(R, R.c.offence_id == OF.c.id).where(OF.c.case_id == case_id).order_by(OF.c.id)).all()
            for r in rows:
                lim = compute_limitation(table, r.jurisdiction, r.category, _d(r.offence_date), _d(r.date_of_birth))
                state = lim.state
                if state == "computed":
                    state = "expired" if lim.expires_on < today else "running"
                out.append({
                    "offence_id": r.id, "category": r.category, "category_label": cats.label(r.category, language),
                    "jurisdiction": r.jurisdiction, "jurisdiction_label": jurs.get(r.jurisdiction, r.jurisdiction),
                    "victim_person_id": r.victim_person_id, "offence_date": r.offence_date, "state": state,
                    "clock": lim.clock, "clock_age": lim.clock_age,
                    "starts_on": lim.starts_on.isoformat() if lim.starts_on else None,
                    "period_years": lim.period_years,
                    "expires_on": lim.expires_on.isoformat() if lim.expires_on else None,
                    "warn_on": lim.warn_on.isoformat() if lim.warn_on else None,
                    "lead_months": lim.lead_months,
                    "for_legal_adviser": state in ("clock_not_filled_in", "period_not_filled_in",
                                                   "unknown_jurisdiction"),
                    "message": describe_limitation(lim, today, language),
                    "sources": [json.loads(s) for s in lim.sources],
                    "reminder": {"rule_id": r.rule_id, "status": r.rule_status, "next_due": r.next_due},
                })
            self._audit(conn, "case.limitations_read", "case", case_id, {"offences": len(out)})
        return out


def _offence_victim(conn, case_id: int, victim_person_id: int | None) -> int:
    children = [r[0] for r in conn.execute(select(CC.c.person_id).where(CC.c.case_id == case_id))]
    if victim_person_id is None:
        if len(children) != 1:
            raise ValidationError("victim_person_id", "choose the child the offence was against."
                                  if children else "add the child to the case first.")
        return children[0]
    if victim_person_id not in children:
        raise ValidationError("victim_person_id", "is not a child in this case.")
    return victim_person_id


def _require_child(conn, person_id: int, case_id: int | None) -> None:
    require_person(conn, person_id)
    q = select(CC.c.case_id).where(CC.c.person_id == person_id)
    if case_id is not None:
        require_case(conn, case_id)
        q = q.where(CC.c.case_id == case_id)
    if conn.execute(q.limit(1)).first() is None:
        raise ValidationError("person_id", "Follow-up is planned for a child in a case: this person is "
                                           "not a child" + (" in this case." if case_id else " in any case."))


def _deciding_meeting_day(conn, meeting_id: int, person_id: int) -> date:
    """The local date of the MDT meeting that decided about a child: it was held (or its minutes
    approved) and had a case of the child on its agenda."""
    m = conn.execute(select(MTG.c.status, MTG.c.starts_at_utc, MTG.c.time_zone)
                     .where(MTG.c.id == meeting_id)).first()
    if m is None:
        raise ValidationError("meeting_id", "There is no such meeting.")
    if m.status not in ("held", "approved"):
        raise ValidationError("meeting_id", "The team decides at a meeting that was held: this one was not.")
    on_agenda = conn.execute(select(MI.c.id).join(CC, CC.c.case_id == MI.c.case_id).where(
        MI.c.meeting_id == meeting_id, CC.c.person_id == person_id).limit(1)).first()
    if on_agenda is None:
        raise ValidationError("meeting_id", "This meeting did not have the child's case on its agenda.")
    return local_date(m.starts_at_utc, m.time_zone)


def reminder_event_in(session: SessionBase, conn, row, action, occurrence, on_text, new_due, reason,
                      audit: bool = True) -> int:
    if row.subject_kind == "medical_test" and row.subject_id and action == "completed" and conn.execute(
            select(MT.c.id).where(MT.c.id == row.subject_id, MT.c.result_status == "pending")).first():
        # Done means the result is in, and that is recorded (sealed) with the test, which closes this.
        raise ValidationError("rule", "The result is not recorded yet: record it with the test in the case's "
                                      "Medical tab, which completes this reminder.")
    eid = conn.execute(insert(EV).values(
        rule_id=row.id, action=action, occurrence=occurrence, on_date=on_text, new_due=new_due,
        reason=reason, by_user=session.user_id, at_utc=utc_now_iso())).inserted_primary_key[0]
    recompute(conn, R.c.id == row.id)
    detail = {"rule": row.id, "event": eid}
    if row.subject_kind == "team_action" and row.subject_id and action in ("completed", "declined"):
        # An MDT team action's reminder done or declined in Today: the action is done or
        # cancelled with it (set_team_action_status does it the other way round).
        done = action == "completed"
        if conn.execute(update(TA).where(TA.c.id == row.subject_id, TA.c.status == "open").values(
                status="done" if done else "cancelled", done_on=on_text if done else None,
                cancel_reason=None if done else reason, updated_at=utc_now_iso())).rowcount:
            detail["team_action"] = row.subject_id
    if audit:
        audit_rule(session, conn, f"followup.{action}", row, detail)
    return eid


def complete_occurrence(session: SessionBase, conn, rule_id: int | None, on: str) -> bool:
    """Complete the earliest open occurrence of a rule a feature made (a test's pending result, a
    goal's review, a re-screen) because what it reminds of was done on `on`; False when there
    is none open."""
    if rule_id is None:
        return False
    rule = conn.execute(select(R).where(R.c.id == rule_id)).first()
    pending = (recompute(conn, R.c.id == rule_id).get(rule_id) or ("", []))[1] if rule else []
    if not pending:
        return False
    reminder_event_in(session, conn, rule, "completed", pending[0][0], on, None, None)
    return True


def audit_rule(session: SessionBase, conn, action: str, row, detail: dict) -> None:
    if row.case_id is not None:
        session._audit(conn, action, "case", row.case_id, detail)
    else:
        session._audit(conn, action, "person", row.person_id, detail)


def insert_rule(session: SessionBase, conn, person_id: int, case_id: int | None, kind: str, values: dict) -> int:
    now = utc_now_iso()
    rid = conn.execute(insert(R).values(
        person_id=person_id, case_id=case_id, kind=kind, status="active", created_by=session.user_id,
        created_at=now, updated_at=now, **values)).inserted_primary_key[0]
    recompute(conn, R.c.id == rid)
    return rid


def clean_rule(kind: str, values: dict, new: bool, current=None) -> dict:
    out = {}
    given = {k for k, v in values.items() if v is not None} if new else set(values)
    sched_interval = values.get("interval_months", current.interval_months if current is not None else None)
    if "interval_months" in given:
        out["interval_months"] = _int("interval_months", values["interval_months"], 1, 120)
        sched_interval = out["interval_months"]
        if kind == "age_milestone" and out["interval_months"]:
            raise ValidationError("interval_months", "age milestones fall on birthdays, not at intervals.")
        if kind in ONE_OFF_KINDS and out["interval_months"]:
            raise ValidationError("interval_months", f"a {kind.replace('_', ' ')} is one date; plan a "
                                                     "recurring review for regular follow-up.")
        if kind == "recurring_review" and out["interval_months"] is None:
            raise ValidationError("interval_months", "a recurring review needs its interval in months.")
    elif new and kind == "recurring_review":
        out["interval_months"] = sched_interval = DEFAULT_REVIEW_MONTHS
    if "due_at" in given and values.get("due_at") not in (None, ""):
        if kind not in ONE_OFF_KINDS + ("guardian_review", "fixity_check"):
            raise ValidationError("due_at", "only a dated follow-up can have a time.")
        tz = values.get("time_zone") or (current.time_zone if current is not None else None)
        if not tz:
            raise ValidationError("time_zone", "a date with a time needs its time zone (e.g. Europe/Stockholm).")
        zone(tz)
        out["due_at_utc"] = check_datetime("due_at", values["due_at"], required=True)
        out["time_zone"] = tz
        out["due_on"] = local_date(out["due_at_utc"], tz).isoformat()
    elif "due_at" in given:
        out["due_at_utc"] = out["time_zone"] = None
    if "due_on" in given and "due_on" not in out:
        out["due_on"] = RULE_FIELDS["due_on"].clean("due_on", values["due_on"])
        if "due_at" not in given and current is not None and current.due_at_utc:
            out["due_at_utc"] = out["time_zone"] = None
    if new and out.get("due_on") is None:
        if kind == "recurring_review":
            out["due_on"] = add_months(_today(), sched_interval).isoformat()
        elif kind == "age_milestone":
            out["due_on"] = _today().isoformat()
        elif kind in ONE_OFF_KINDS or not sched_interval:
            raise ValidationError("due_on", "is required: on which date is it due?")
        else:
            out["due_on"] = add_months(_today(), sched_interval).isoformat()
    if not new and "due_on" in out and out["due_on"] is None and kind != "age_milestone":
        raise ValidationError("due_on", "is required: on which date is it due?")
    if "ages" in given:
        if kind != "age_milestone":
            if values["ages"] not in (None, "", [], ()):
                raise ValidationError("ages", "only age milestones have ages.")
        else:
            out["ages"] = clean_ages(values["ages"])
    elif new and kind == "age_milestone":
        out["ages"] = ",".join(map(str, DEFAULT_MILESTONE_AGES))
    if "until_recovery" in given:
        v = values["until_recovery"]
        if v is not None and not isinstance(v, bool):
            raise ValidationError("until_recovery", "must be yes or no.")
        out["until_recovery"] = bool(v)
    elif new:
        out["until_recovery"] = kind == "recurring_review"
    if "discipline" in given or new:
        d = values.get("discipline") or ("interviewer" if kind == "fixity_check" else "coordinator")
        if d not in DISCIPLINES:
            raise ValidationError("discipline", f"use one of {', '.join(DISCIPLINES)}.")
        out["discipline"] = d
    if "subject_kind" in given:
        out["subject_kind"] = Text(32).clean("subject_kind", values["subject_kind"])
    if "subject_id" in given:
        out["subject_id"] = _int("subject_id", values["subject_id"], 1, 2**62)
    if "note" in given:
        out["note"] = RULE_FIELDS["note"].clean("note", values["note"])
    if new and kind == "fixity_check" and not out.get("subject_kind"):
        out["subject_kind"] = "recording"
    return out


def clean_ages(ages) -> str:
    if isinstance(ages, str):
        ages = [a.strip() for a in ages.split(",") if a.strip()]
    try:
        items = sorted({int(a) for a in (ages or ())})
    except (TypeError, ValueError):
        raise ValidationError("ages", "give whole years, such as 12, 15, 18.") from None
    if not items or not all(0 < a <= 120 for a in items) or len(items) > 12:
        raise ValidationError("ages", "give one to twelve ages from 1 to 120.")
    return ",".join(map(str, items))


__all__ = [
    "FollowUpActions", "Reminder", "Limitation", "add_months", "add_years", "birthday", "age_on",
    "carer_survey_dates", "compute_limitation", "compute_state", "describe_limitation",
    "limitations_table", "reminders_as_json", "bucket_counts", "local_today", "local_date",
]
