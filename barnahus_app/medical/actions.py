"""Medical examinations (Session mixin, issue #14).

Two layers, two grants (policy.py):
  "examination"  the coordination facts every case-working role reads: an examination was
                 planned or held, when, where, by whom, its kind, who commissioned it, its
                 priority, whether it is acute, the child's and guardian's agreement to it, who
                 was present, when and by whom the child was told the result, the outcome the
                 examiner released and whether samples went to the police. Coordinators and
                 medical staff plan, move and cancel examinations.
  "medical"      the detail, medical staff only, and SEALED in the section "medical"
                 (record/sections.py: the record key alone does not open it): findings (item,
                 site, description), notes, the statement, tests (kind, prophylaxis, result),
                 review comments; samples and images (medev).

Rules kept here:
- An examination is a booking of the one conflict engine (interviews.room_staff_conflicts,
  persons_busy, the no-contact buffer): its room, examiner and second examiner against
  interviews, meetings and other examinations; the child booked elsewhere at the time; anyone
  under a no-contact flag with the child in the building within the buffer. A conflict blocks
  until overridden with a written reason (kept in medical_exam_overrides, its key audited).
- acute is DERIVED: the last contact lies at most the setting medical_acute_hours (72) before the
  examination's start.
- No child is examined by force: an examination the child declined is never held
  (ValidationError; the table's CHECK says the same). The agreement is to the examination only.
- Findings are coded against a versioned classification table (findings.py); the category is
  derived from the finding's own table version. An examination held with a finding that needs
  an expert review (groups 3-6) is in the review queue until another medical user reviews it;
  review_share counts them (the NCA standard asks for at least half).
- A pending test result and a needed follow-up examination are follow-up reminders of the
  medical discipline (followup_rules kind action_item, subject_kind "medical_test" or
  "medical_examination"): receiving the result completes the first, planning a follow-up
  examination of the child the second.
- Audit entries carry ids and codes of coordination only: never a finding, a test's kind, a
  result or any text.

Session API (each one call, permission-checked and audited):
  plan_examination(case_id, child_person_id, kind, starts_at, duration_minutes, *, examiner_id,
      commissioned_by, priority, time_zone=None, room_id=None, last_contact_at=None,
      second_examiner_id=None, examiner_credentials=None, overrides=None) -> id
  move_examination(exam_id, starts_at, duration_minutes=None, *, room_id=None, examiner_id=None,
      overrides=None); update_examination(exam_id, *, overrides=None, commissioned_by=, priority=,
      last_contact_at=, second_examiner_id=, examiner_credentials=); cancel_examination(exam_id, reason)
  record_agreement(exam_id, *, child=None, guardian=None); set_presence(exam_id, [{role,
      person_id | name}]); hold_examination(exam_id)
  add_finding(exam_id, item_code, site, description=None, *, table_version=None) -> id;
      remove_finding(finding_id)
  set_medical_notes(exam_id, notes, statement)
  order_test(exam_id, kind, ordered_on, prophylaxis=None, *, result_due_on=None) -> id;
      record_test_result(test_id, result, received_on)
  review_examination(exam_id, agrees, comment, reviewed_on) -> id; review_queue() -> [dict];
      review_share(start, end) -> {"needing": n, "reviewed": m}
  release_outcome(exam_id, outcome, *, follow_up_due=None); record_result_told(exam_id, on,
      by_user_id); release_statement(exam_id, purpose) -> id
  case_examinations(case_id) -> [dict]; examination_view(exam_id) -> dict
  (the coordination facts; "detail" too for a user with medical.read holding the section key,
  else "detail" is None); case_medical(case_id) -> [dict] (medical staff only, with "detail")
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, insert, select, update

from barnahus_app import policy, vocab
from barnahus_app.cases.actions import require_case
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.errors import ConflictsFound, NotFound, ValidationError
from barnahus_app.fields import Code, Date, Text, clean
from barnahus_app.followup.actions import R as RULES, clean_rule, complete_occurrence, insert_rule
from barnahus_app.interviews.actions import (
    MAX_DURATION_MINUTES, Conflict, PlanCheck, no_contact_partners, person_name, persons_busy,
    room_staff_conflicts,
)
from barnahus_app.interviews.tables import Room
from barnahus_app.medical import findings as classification
from barnahus_app.medical.tables import (
    ExamOverride, ExamPresence, MedicalExamination, MedicalFinding, MedicalRelease, MedicalReview, MedicalTest,
)
from barnahus_app.persons.actions import require_person
from barnahus_app.record.sections import read_values, rows_with_values
from barnahus_app.session_base import SessionBase
from barnahus_app.settings import setting_in
from barnahus_app.tables import SectionValue
from barnahus_app.timeutil import check_datetime, local_to_utc, parse_utc, to_utc_iso, utc_now, utc_now_iso, zone_info
from barnahus_app.users.tables import User, UserRole

SECTION = "medical"                  # the sealed section (policy.SECTIONS)
EX = MedicalExamination.__table__
PR = ExamPresence.__table__
FI = MedicalFinding.__table__
RV = MedicalReview.__table__
TE = MedicalTest.__table__
RL = MedicalRelease.__table__
OV = ExamOverride.__table__
C = Case.__table__
CC = CaseChild.__table__
RM = Room.__table__
U = User.__table__
SV = SectionValue.__table__

TEST_RESULT_DAYS = 14                # a pending result is due this long after the order
FOLLOW_UP_DAYS = 28                  # a follow-up examination needed: due this long after release
ACTIVE = ("planned", "held")

PLAN_FIELDS = {
    "kind": Code("medical_examination_kinds", required=True),
    "commissioned_by": Code("medical_commissioners", required=True),
    "priority": Code("medical_priorities", required=True),
    "examiner_credentials": Text(200),
}
REASON = Text(2000, required=True, multiline=True)
OVERRIDE_REASON = Text(2000, required=True, multiline=True)
DESCRIPTION = Text(20_000, multiline=True)
NOTES = Text(100_000, multiline=True)
RESULT = Text(20_000, required=True, multiline=True)
COMMENT = Text(20_000, multiline=True)
PRESENCE_NAME = Text(200)


class MedicalActions(SessionBase):
    # --- planning (coordination: "examination") ----------------------------------------------
    def plan_examination(self, case_id: int, child_person_id: int, kind: str, starts_at, duration_minutes: int, *,
                         examiner_id: int, commissioned_by: str, priority: str, time_zone: str | None = None,
                         room_id: int | None = None, last_contact_at=None, second_examiner_id: int | None = None,
                         examiner_credentials: str | None = None, overrides: dict | None = None) -> int:
        """Book an examination. ConflictsFound (nothing written) while a conflict has no written
        reason in overrides {conflict.key: reason}. Planning a follow-up examination completes
        the child's open "follow-up examination needed" reminders."""
        self._authorize("examination", "create")
        data = clean(PLAN_FIELDS, {"kind": kind, "commissioned_by": commissioned_by, "priority": priority,
                                   "examiner_credentials": examiner_credentials})
        time_zone = time_zone or self.centre_zone()
        start, end = _window(starts_at, duration_minutes, time_zone)
        last = check_datetime("last_contact_at", last_contact_at)
        if last is not None and parse_utc(last) > start:
            raise ValidationError("last_contact_at", "is after the examination's start.")
        overrides = _clean_overrides(overrides)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            s, e = to_utc_iso(start), to_utc_iso(end)
            conflicts = _check_plan(conn, case_id, child_person_id, s, e, room_id, examiner_id, second_examiner_id,
                                    time_zone, None)
            _enforce(conflicts, overrides)
            xid = conn.execute(insert(EX).values(
                case_id=case_id, child_person_id=child_person_id, **data, last_contact_at_utc=last,
                acute=_acute(conn, last, s), status="planned", starts_at_utc=s, ends_at_utc=e, time_zone=time_zone,
                room_id=room_id, examiner_id=examiner_id, second_examiner_id=second_examiner_id,
                samples_handed_to_police=False, created_by=self.user_id, created_at=now,
                updated_at=now)).inserted_primary_key[0]
            _keep_overrides(conn, xid, conflicts, overrides, self.user_id)
            closed = []
            if data["kind"] == "follow_up":
                closed = _close_follow_up_reminders(self, conn, child_person_id)
            self._audit(conn, "examination.planned", "case", case_id,
                        {"examination": xid, "kind": data["kind"], "overridden": sorted(c.key for c in conflicts),
                         **({"rules_completed": closed} if closed else {})})
        return xid

    def move_examination(self, exam_id: int, starts_at, duration_minutes: int | None = None, *,
                         room_id: int | None = None, examiner_id: int | None = None,
                         overrides: dict | None = None) -> None:
        """Another time (duration None keeps it), room or examiner (None keeps them); conflicts
        as when planning. acute follows the new start."""
        self._authorize("examination", "update")
        overrides = _clean_overrides(overrides)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("planned",))
            minutes = duration_minutes or int(
                (parse_utc(row.ends_at_utc) - parse_utc(row.starts_at_utc)).total_seconds() // 60)
            start, end = _window(starts_at, minutes, row.time_zone)
            s, e = to_utc_iso(start), to_utc_iso(end)
            room = room_id if room_id is not None else row.room_id
            who = examiner_id if examiner_id is not None else row.examiner_id
            conflicts = _check_plan(conn, row.case_id, row.child_person_id, s, e, room, who,
                                    row.second_examiner_id, row.time_zone, exam_id)
            _enforce(conflicts, overrides)
            _keep_overrides(conn, exam_id, conflicts, overrides, self.user_id)
            conn.execute(update(EX).where(EX.c.id == exam_id).values(
                starts_at_utc=s, ends_at_utc=e, room_id=room, examiner_id=who,
                acute=_acute(conn, row.last_contact_at_utc, s), updated_at=utc_now_iso()))
            self._audit(conn, "examination.moved", "case", row.case_id,
                        {"examination": exam_id, "overridden": sorted(c.key for c in conflicts)})

    def update_examination(self, exam_id: int, *, overrides: dict | None = None, **fields) -> None:
        """Change who commissioned it, its priority, the last contact (acute follows), the second
        examiner (None: none; checked for conflicts while planned) or the examiner's credentials."""
        self._authorize("examination", "update")
        allowed = {"commissioned_by", "priority", "last_contact_at", "second_examiner_id", "examiner_credentials"}
        unknown = set(fields) - allowed
        if unknown or not fields:
            raise ValidationError(sorted(unknown)[0] if unknown else "fields",
                                  "is not a field of an examination that can be changed here." if unknown
                                  else "Give a field to change.")
        data = clean(PLAN_FIELDS, {k: v for k, v in fields.items() if k in PLAN_FIELDS}, partial=True)
        overrides = _clean_overrides(overrides)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("planned", "held", "declined"))
            conflicts = []
            if "last_contact_at" in fields:
                last = check_datetime("last_contact_at", fields["last_contact_at"])
                if last is not None and last > row.starts_at_utc:
                    raise ValidationError("last_contact_at", "is after the examination's start.")
                data.update(last_contact_at_utc=last, acute=_acute(conn, last, row.starts_at_utc))
            if "second_examiner_id" in fields:
                second = fields["second_examiner_id"]
                if second is not None:
                    _check_user(conn, "second_examiner_id", second)
                    if second == row.examiner_id:
                        raise ValidationError("second_examiner_id", "is the examiner.")
                    if row.status == "planned" and second != row.second_examiner_id:
                        conflicts = room_staff_conflicts(conn, row.starts_at_utc, row.ends_at_utc, None, {second},
                                                         row.time_zone, examination_id=exam_id)
                        _enforce(conflicts, overrides)
                        _keep_overrides(conn, exam_id, conflicts, overrides, self.user_id)
                data["second_examiner_id"] = second
            conn.execute(update(EX).where(EX.c.id == exam_id).values(**data, updated_at=utc_now_iso()))
            self._audit(conn, "examination.updated", "case", row.case_id,
                        {"examination": exam_id, "fields": sorted(fields),
                         "overridden": sorted(c.key for c in conflicts)})

    def cancel_examination(self, exam_id: int, reason: str) -> None:
        self._authorize("examination", "update")
        reason = REASON.clean("reason", reason)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("planned", "declined"))
            conn.execute(update(EX).where(EX.c.id == exam_id).values(
                status="cancelled", cancel_reason=reason, updated_at=utc_now_iso()))
            self._audit(conn, "examination.cancelled", "case", row.case_id, {"examination": exam_id})

    def record_agreement(self, exam_id: int, *, child: str | None = None, guardian: str | None = None) -> None:
        """The child's and the guardian's agreement to THIS examination (vocabularies
        medical_child_agreement, medical_guardian_agreement; None leaves one as it is). The
        child declining makes a planned examination "declined" (it frees the room and is never
        held); agreeing later makes it planned again."""
        self._authorize("examination", "update")
        if child is None and guardian is None:
            raise ValidationError("child", "Give the child's or the guardian's agreement.")
        values = {}
        if child is not None:
            values["agreement_child"] = vocab.check_code("medical_child_agreement", "child", child, True)
        if guardian is not None:
            values["agreement_guardian"] = vocab.check_code("medical_guardian_agreement", "guardian", guardian, True)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("planned", "declined"))
            if values.get("agreement_child") == "declined":
                values["status"] = "declined"
            elif "agreement_child" in values and row.status == "declined":
                values["status"] = "planned"
            conn.execute(update(EX).where(EX.c.id == exam_id).values(**values, updated_at=utc_now_iso()))
            self._audit(conn, "examination.agreement_recorded", "case", row.case_id,
                        {"examination": exam_id, **{k: v for k, v in (("child", child), ("guardian", guardian)) if v}})

    def set_presence(self, exam_id: int, present: list) -> None:
        """Who was (or will be) present besides the examiners, as a whole list replacing the one
        before: [{"role" (medical_presence_roles), "person_id" or "name"}]."""
        self._authorize("examination", "update")
        rows = _clean_presence(present)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ACTIVE)
            for r in rows:
                if r["person_id"] is not None:
                    require_person(conn, r["person_id"])
            conn.execute(delete(PR).where(PR.c.examination_id == exam_id))
            for r in rows:
                conn.execute(insert(PR).values(examination_id=exam_id, **r))
            conn.execute(update(EX).where(EX.c.id == exam_id).values(updated_at=utc_now_iso()))
            self._audit(conn, "examination.presence_set", "case", row.case_id,
                        {"examination": exam_id, "roles": sorted(r["role"] for r in rows)})

    def hold_examination(self, exam_id: int) -> None:
        """The examination took place. Refused when the child declined it: no child is examined
        by force."""
        self._authorize("examination", "update")
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id)
            if row.agreement_child == "declined" or row.status == "declined":
                raise ValidationError("agreement_child", "The child declined this examination: no child is "
                                                         "examined by force. Cancel it, or record the child's "
                                                         "agreement if they change their mind.")
            if row.status != "planned":
                raise ValidationError("status", f"This examination is {row.status}; only a planned one can be "
                                                 "held.")
            conn.execute(update(EX).where(EX.c.id == exam_id).values(status="held", updated_at=utc_now_iso()))
            self._audit(conn, "examination.held", "case", row.case_id, {"examination": exam_id})

    # --- the medical detail ("medical"), sealed -------------------------------------------------
    def add_finding(self, exam_id: int, item_code: str, site: str, description: str | None = None, *,
                    table_version: str | None = None) -> int:
        """A finding coded under table_version (default: the newest table): its item, site
        (medical_sites) and description sealed in the medical section."""
        self._authorize("medical", "update")
        table = classification.table(table_version) if table_version is not None else classification.current()
        table.item(item_code)
        site = vocab.check_code("medical_sites", "site", site, True)
        description = DESCRIPTION.clean("description", description)
        self.sections.key(SECTION)   # SectionLocked before anything is written
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ACTIVE)
            fid = conn.execute(insert(FI).values(examination_id=exam_id, table_version=table.version,
                                                 created_by=self.user_id, created_at=utc_now_iso())
                               ).inserted_primary_key[0]
            for col, value in (("item_code", item_code), ("site", site), ("description", description)):
                self.sections.write(conn, SECTION, "medical_findings", fid, col, value)
            self._audit(conn, "medical.finding_added", "case", row.case_id, {"examination": exam_id, "finding": fid})
        return fid

    def remove_finding(self, finding_id: int) -> None:
        self._authorize("medical", "update")
        self.sections.key(SECTION)
        with self.record.transaction() as conn:
            f = conn.execute(select(FI).where(FI.c.id == finding_id)).first() if _is_id(finding_id) else None
            if f is None:
                raise NotFound(f"There is no finding {finding_id}.")
            row = _exam(conn, f.examination_id)
            _drop_sealed(conn, "medical_findings", finding_id)
            conn.execute(delete(FI).where(FI.c.id == finding_id))
            self._audit(conn, "medical.finding_removed", "case", row.case_id,
                        {"examination": row.id, "finding": finding_id})

    def set_medical_notes(self, exam_id: int, notes: str | None, statement: str | None) -> None:
        """The examiner's notes and statement (None or empty removes one), sealed."""
        self._authorize("medical", "update")
        notes = NOTES.clean("notes", notes)
        statement = NOTES.clean("statement", statement)
        self.sections.key(SECTION)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id)
            self.sections.write(conn, SECTION, "medical_examinations", exam_id, "notes", notes)
            self.sections.write(conn, SECTION, "medical_examinations", exam_id, "statement", statement)
            conn.execute(update(EX).where(EX.c.id == exam_id).values(updated_at=utc_now_iso()))
            self._audit(conn, "medical.notes_written", "case", row.case_id, {"examination": exam_id})

    def order_test(self, exam_id: int, kind: str, ordered_on, prophylaxis: str | None = None, *,
                   result_due_on=None) -> int:
        """A test ordered (kind: medical_test_kinds; prophylaxis given: medical_prophylaxis),
        both sealed. Its pending result is a reminder of the medical discipline, due
        result_due_on (default TEST_RESULT_DAYS after the order)."""
        self._authorize("medical", "update")
        kind = vocab.check_code("medical_test_kinds", "kind", kind, True)
        prophylaxis = vocab.check_code("medical_prophylaxis", "prophylaxis", prophylaxis)
        ordered = Date(required=True).clean("ordered_on", ordered_on)
        due = Date().clean("result_due_on", result_due_on) or \
            (date.fromisoformat(ordered) + timedelta(days=TEST_RESULT_DAYS)).isoformat()
        self.sections.key(SECTION)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ACTIVE)
            tid = conn.execute(insert(TE).values(examination_id=exam_id, ordered_on=ordered, result_status="pending",
                                                 created_by=self.user_id, created_at=utc_now_iso())
                               ).inserted_primary_key[0]
            self.sections.write(conn, SECTION, "medical_tests", tid, "kind", kind)
            self.sections.write(conn, SECTION, "medical_tests", tid, "prophylaxis", prophylaxis)
            rid = _medical_rule(self, conn, row, due, "medical_test", tid)
            conn.execute(update(TE).where(TE.c.id == tid).values(followup_rule_id=rid))
            self._audit(conn, "medical.test_ordered", "case", row.case_id,
                        {"examination": exam_id, "test": tid, "rule": rid})
        return tid

    def record_test_result(self, test_id: int, result: str, received_on) -> None:
        """The result came in (sealed): the pending-result reminder is completed."""
        self._authorize("medical", "update")
        result = RESULT.clean("result", result)
        received = Date(required=True, not_future=True).clean("received_on", received_on)
        self.sections.key(SECTION)
        with self.record.transaction() as conn:
            t = conn.execute(select(TE).where(TE.c.id == test_id)).first() if _is_id(test_id) else None
            if t is None:
                raise NotFound(f"There is no test {test_id}.")
            row = _exam(conn, t.examination_id)
            if received < t.ordered_on:
                raise ValidationError("received_on", "is before the test was ordered.")
            self.sections.write(conn, SECTION, "medical_tests", test_id, "result", result)
            conn.execute(update(TE).where(TE.c.id == test_id).values(result_status="received", received_on=received))
            complete_occurrence(self, conn, t.followup_rule_id, received)
            self._audit(conn, "medical.test_result_recorded", "case", row.case_id,
                        {"examination": row.id, "test": test_id})

    def record_result_told(self, exam_id: int, on, by_user_id: int) -> None:
        """When and by whom the child was told the result of the examination."""
        self._authorize("medical", "update")
        on = Date(required=True, not_future=True).clean("on", on)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("held",))
            _check_user(conn, "by_user_id", by_user_id)
            conn.execute(update(EX).where(EX.c.id == exam_id).values(
                told_result_on=on, told_result_by=by_user_id, updated_at=utc_now_iso()))
            self._audit(conn, "examination.result_told", "case", row.case_id, {"examination": exam_id})

    # --- review and release -------------------------------------------------------------------
    def review_examination(self, exam_id: int, agrees: bool, comment: str | None, reviewed_on) -> int:
        """An expert review by another medical user than the examiners (the comment sealed)."""
        self._authorize("medical", "review")
        if not isinstance(agrees, bool):
            raise ValidationError("agrees", "must be yes or no.")
        comment = COMMENT.clean("comment", comment)
        on = Date(required=True, not_future=True).clean("reviewed_on", reviewed_on)
        self.sections.key(SECTION)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("held",))
            if self.user_id in (row.examiner_id, row.second_examiner_id):
                raise ValidationError("reviewer", "An examiner cannot review their own examination: another "
                                                  "medical colleague reviews it.")
            rid = conn.execute(insert(RV).values(examination_id=exam_id, reviewer_id=self.user_id, reviewed_on=on,
                                                 agrees=agrees, created_at=utc_now_iso())).inserted_primary_key[0]
            self.sections.write(conn, SECTION, "medical_reviews", rid, "comment", comment)
            self._audit(conn, "medical.reviewed", "case", row.case_id,
                        {"examination": exam_id, "review": rid, "agrees": agrees})
        return rid

    def review_queue(self) -> list[dict]:
        """Held examinations with a finding that needs an expert review and no review yet, oldest
        first: [{"id", "case_id", "case_reference", "starts_at_utc", "time_zone", "examiner_id",
        "examiner_name", "findings_needing_review"}]."""
        self._authorize("medical", "read")
        key = self.sections.key(SECTION)
        with self.record.transaction() as conn:
            needing = _needing_review(conn, key, None, None)
            reviewed = _reviewed(conn, needing)
            ids = [i for i in needing if i not in reviewed]
            out = []
            if ids:
                rows = conn.execute(select(EX.c.id, EX.c.case_id, C.c.reference, EX.c.starts_at_utc, EX.c.time_zone,
                                           EX.c.examiner_id, U.c.display_name)
                                    .join(C, C.c.id == EX.c.case_id).join(U, U.c.id == EX.c.examiner_id)
                                    .where(EX.c.id.in_(ids)).order_by(EX.c.starts_at_utc, EX.c.id)).all()
                out = [{"id": r[0], "case_id": r[1], "case_reference": r[2], "starts_at_utc": r[3], "time_zone": r[4],
                        "examiner_id": r[5], "examiner_name": r[6], "findings_needing_review": needing[r[0]]}
                       for r in rows]
            self._audit(conn, "medical.review_queue_read", None, None, {"examinations": len(out)})
        return out

    def review_share(self, start, end) -> dict:
        """Of the examinations held with a start in start..end (dates, inclusive, in the
        examination's zone) that have a finding needing review: how many, and how many of them
        were reviewed. {"needing": n, "reviewed": m}."""
        self._authorize("medical", "read")
        lo = Date(required=True).clean("start", start)
        hi = Date(required=True).clean("end", end)
        if hi < lo:
            raise ValidationError("end", "is before the start.")
        key = self.sections.key(SECTION)
        with self.record.transaction() as conn:
            needing = _needing_review(conn, key, lo, hi)
            out = {"needing": len(needing), "reviewed": len(_reviewed(conn, needing))}
            self._audit(conn, "medical.review_share_read", None, None, {"from": lo, "to": hi, **out})
        return out

    def release_outcome(self, exam_id: int, outcome: str, *, follow_up_due=None) -> None:
        """The short outcome the team reads (medical_outcomes). "follow_up_needed" makes a
        reminder of the medical discipline for the follow-up examination (due follow_up_due,
        default FOLLOW_UP_DAYS from today), completed when one is planned for the child."""
        self._authorize("medical", "release")
        outcome = vocab.check_code("medical_outcomes", "outcome", outcome, True)
        due = Date().clean("follow_up_due", follow_up_due)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("held",))
            conn.execute(update(EX).where(EX.c.id == exam_id).values(released_outcome=outcome,
                                                                     updated_at=utc_now_iso()))
            rid = None
            if outcome == "follow_up_needed" and row.followup_rule_id is None:
                due = due or (utc_now().date() + timedelta(days=FOLLOW_UP_DAYS)).isoformat()
                rid = _medical_rule(self, conn, row, due, "medical_examination", exam_id)
                conn.execute(update(EX).where(EX.c.id == exam_id).values(followup_rule_id=rid))
            self._audit(conn, "examination.outcome_released", "case", row.case_id,
                        {"examination": exam_id, "outcome": outcome, **({"rule": rid} if rid else {})})

    def release_statement(self, exam_id: int, purpose: str) -> int:
        """The examiner releases the statement for one disclosure (medical_release_purposes):
        a court summary then carries its text. Needs a statement written."""
        self._authorize("medical", "release")
        purpose = vocab.check_code("medical_release_purposes", "purpose", purpose, True)
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id, ("held",))
            if exam_id not in rows_with_values(conn, "medical_examinations", "statement", [exam_id]):
                raise ValidationError("statement", "Write the statement before releasing it.")
            rid = conn.execute(insert(RL).values(examination_id=exam_id, purpose=purpose, released_by=self.user_id,
                                                 released_at=utc_now_iso())).inserted_primary_key[0]
            self._audit(conn, "medical.statement_released", "case", row.case_id,
                        {"examination": exam_id, "release": rid, "purpose": purpose})
        return rid

    # --- reading ------------------------------------------------------------------------------
    def case_examinations(self, case_id: int) -> list[dict]:
        """The case's examinations, by start: the coordination facts, and "detail" (findings,
        notes, statement, tests, reviews) for a user who may read it and holds the section key
        (else None)."""
        self._authorize("examination", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            ids = [r[0] for r in conn.execute(select(EX.c.id).where(EX.c.case_id == case_id)
                                              .order_by(EX.c.starts_at_utc, EX.c.id))]
            out = examination_rows(conn, ids)
            self._add_detail(conn, out)
            self._audit(conn, "examination.list", "case", case_id,
                        {"examinations": len(out), "detail": bool(out) and out[0]["detail"] is not None})
        return out

    def case_medical(self, case_id: int) -> list[dict]:
        """For medical staff only (medical.read, and the section key: SectionLocked without it):
        the case's examinations with their detail, as case_examinations gives them."""
        self._authorize("medical", "read")
        self.sections.key(SECTION)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            ids = [r[0] for r in conn.execute(select(EX.c.id).where(EX.c.case_id == case_id)
                                              .order_by(EX.c.starts_at_utc, EX.c.id))]
            out = examination_rows(conn, ids)
            self._add_detail(conn, out)
            self._audit(conn, "medical.case_read", "case", case_id, {"examinations": len(out)})
        return out

    def examination_view(self, exam_id: int) -> dict:
        self._authorize("examination", "read")
        with self.record.transaction() as conn:
            row = _exam(conn, exam_id)
            out = examination_rows(conn, [exam_id])
            self._add_detail(conn, out)
            self._audit(conn, "examination.read", "case", row.case_id,
                        {"examination": exam_id, "detail": out[0]["detail"] is not None})
        return out[0]

    def _add_detail(self, conn, rows: list[dict]) -> None:
        key = self.sections.key(SECTION) if self.can("medical", "read") and self.sections.holds(SECTION) else None
        details = examination_details(conn, key, [r["id"] for r in rows]) if key is not None else {}
        for r in rows:
            r["detail"] = details.get(r["id"])


# --- functions other features may use ----------------------------------------------------------------

def examination_rows(conn, ids) -> list[dict]:
    """The coordination facts of these examinations, in the order given (no medical detail):
    what every case role reads and what the court summary shows."""
    ids = list(ids)
    if not ids:
        return []
    names = {}
    rows = {r.id: r for r in conn.execute(
        select(EX, C.c.reference.label("case_reference"), RM.c.name.label("room_name"))
        .join(C, C.c.id == EX.c.case_id).outerjoin(RM, RM.c.id == EX.c.room_id).where(EX.c.id.in_(ids)))}
    users = {u for r in rows.values() for u in (r.examiner_id, r.second_examiner_id, r.told_result_by) if u}
    if users:
        names = dict(conn.execute(select(U.c.id, U.c.display_name).where(U.c.id.in_(sorted(users)))).all())
    presence: dict[int, list] = {}
    for p in conn.execute(select(PR).where(PR.c.examination_id.in_(ids)).order_by(PR.c.id)):
        presence.setdefault(p.examination_id, []).append({"role": p.role, "person_id": p.person_id, "name": p.name})
    released: dict[int, list] = {}
    for x, purpose in conn.execute(select(RL.c.examination_id, RL.c.purpose).where(RL.c.examination_id.in_(ids))
                                   .order_by(RL.c.id)):
        if purpose not in released.setdefault(x, []):
            released[x].append(purpose)
    statements = rows_with_values(conn, "medical_examinations", "statement", ids)
    out = []
    for i in ids:
        r = rows[i]
        out.append({
            "id": r.id, "case_id": r.case_id, "case_reference": r.case_reference, "child_person_id": r.child_person_id,
            "kind": r.kind, "commissioned_by": r.commissioned_by, "priority": r.priority,
            "last_contact_at_utc": r.last_contact_at_utc, "acute": bool(r.acute), "status": r.status,
            "cancel_reason": r.cancel_reason, "starts_at_utc": r.starts_at_utc, "ends_at_utc": r.ends_at_utc,
            "time_zone": r.time_zone, "room_id": r.room_id, "room_name": r.room_name,
            "examiner_id": r.examiner_id, "examiner_name": names.get(r.examiner_id),
            "examiner_credentials": r.examiner_credentials, "second_examiner_id": r.second_examiner_id,
            "second_examiner_name": names.get(r.second_examiner_id),
            "agreement_child": r.agreement_child, "agreement_guardian": r.agreement_guardian,
            "told_result_on": r.told_result_on, "told_result_by": r.told_result_by,
            "told_result_by_name": names.get(r.told_result_by), "released_outcome": r.released_outcome,
            "samples_handed_to_police": bool(r.samples_handed_to_police), "presence": presence.get(i, []),
            "statement_written": i in statements, "statement_released_for": released.get(i, []),
        })
    return out


def examination_detail(conn, key: bytes, exam_id: int) -> dict:
    """The sealed detail of one examination, decrypted with the section key."""
    return examination_details(conn, key, [exam_id])[exam_id]


def examination_details(conn, key: bytes, exam_ids) -> dict[int, dict]:
    """The sealed detail of these examinations, {id: detail}: one query per table for the rows
    and one for their sealed values (a case's medical tab reads 20 examinations at once)."""
    ids = sorted(set(exam_ids))
    out = {i: {"findings": [], "tests": [], "reviews": []} for i in ids}
    if not ids:
        return out
    fs = conn.execute(select(FI).where(FI.c.examination_id.in_(ids)).order_by(FI.c.id)).all()
    ts = conn.execute(select(TE).where(TE.c.examination_id.in_(ids)).order_by(TE.c.id)).all()
    rs = conn.execute(select(RV).where(RV.c.examination_id.in_(ids)).order_by(RV.c.id)).all()
    fv = read_values(conn, key, SECTION, "medical_findings", [f.id for f in fs])
    tv = read_values(conn, key, SECTION, "medical_tests", [t.id for t in ts])
    rv = read_values(conn, key, SECTION, "medical_reviews", [r.id for r in rs])
    xv = read_values(conn, key, SECTION, "medical_examinations", ids)
    for f in fs:
        code = fv.get((f.id, "item_code"))
        out[f.examination_id]["findings"].append({
            "id": f.id, "table_version": f.table_version, "item_code": code,
            **classification.describe(f.table_version, code),
            "site": fv.get((f.id, "site")), "description": fv.get((f.id, "description"))})
    for t in ts:
        out[t.examination_id]["tests"].append({
            "id": t.id, "kind": tv.get((t.id, "kind")), "ordered_on": t.ordered_on,
            "prophylaxis": tv.get((t.id, "prophylaxis")), "result_status": t.result_status,
            "received_on": t.received_on, "result": tv.get((t.id, "result"))})
    for r in rs:
        out[r.examination_id]["reviews"].append({"id": r.id, "reviewer_id": r.reviewer_id, "reviewed_on": r.reviewed_on,
                                                 "agrees": bool(r.agrees), "comment": rv.get((r.id, "comment"))})
    for i, d in out.items():
        d["notes"] = xv.get((i, "notes"))
        d["statement"] = xv.get((i, "statement"))
        d["needs_review"] = any(f["needs_expert_review"] for f in d["findings"]) and not d["reviews"]
    return out


def released_statement(conn, key: bytes | None, exam_id: int, purpose: str) -> str | None:
    """The statement's text if the examiner released it for purpose and key (the medical
    section's, held by the caller) opens it; else None."""
    if key is None or not conn.execute(select(RL.c.id).where(RL.c.examination_id == exam_id,
                                                             RL.c.purpose == purpose)).first():
        return None
    from barnahus_app.record.sections import read_value
    return read_value(conn, key, SECTION, "medical_examinations", exam_id, "statement")


def mark_samples_handed_to_police(conn, exam_id: int) -> None:
    """A sample of the examination went to the police (the custody log says so): the team's
    coordination fact. For the samples' actions (medev)."""
    conn.execute(update(EX).where(EX.c.id == exam_id).values(samples_handed_to_police=True, updated_at=utc_now_iso()))


def require_examination(conn, exam_id: int, statuses: tuple | None = None):
    return _exam(conn, exam_id, statuses)


# --- internals ---------------------------------------------------------------------------------------

def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**62


def _exam(conn, exam_id: int, statuses: tuple | None = None):
    row = conn.execute(select(EX).where(EX.c.id == exam_id)).first() if _is_id(exam_id) else None
    if row is None:
        raise NotFound(f"There is no medical examination {exam_id}.")
    if statuses is not None and row.status not in statuses:
        raise ValidationError("status", f"This examination is {row.status}; this can be done only to a "
                                        f"{' or '.join(statuses)} examination.")
    return row


def _window(starts_at, duration_minutes, time_zone: str):
    zone_info(time_zone)
    start = local_to_utc("starts_at", starts_at, time_zone)
    if not isinstance(duration_minutes, int) or isinstance(duration_minutes, bool) or \
            not 5 <= duration_minutes <= MAX_DURATION_MINUTES:
        raise ValidationError("duration_minutes", f"must be 5 to {MAX_DURATION_MINUTES} minutes.")
    return start, start + timedelta(minutes=duration_minutes)


def _acute(conn, last_contact_utc: str | None, starts_utc: str) -> bool:
    if not last_contact_utc:
        return False
    hours = setting_in(conn, "medical_acute_hours")
    return parse_utc(starts_utc) - parse_utc(last_contact_utc) <= timedelta(hours=hours)


def _check_user(conn, field_name: str, user_id, role: str | None = None) -> None:
    if not _is_id(user_id):
        raise ValidationError(field_name, "is not a valid reference.")
    q = select(U.c.id).where(U.c.id == user_id, U.c.active.is_(True))
    if role:
        q = q.join(UserRole, UserRole.user_id == U.c.id).where(UserRole.role == role)
    if not conn.execute(q).first():
        if role:
            raise ValidationError(field_name, "must be an active user with the medical staff role.")
        raise ValidationError(field_name, "names a user who does not exist or is disabled.")


def _check_plan(conn, case_id, child_id, s: str, e: str, room_id, examiner_id, second_id, zone: str,
                exam_id: int | None) -> list[Conflict]:
    """Validation, then every conflict of the booking (the interviews' engine)."""
    require_case(conn, case_id)
    if not _is_id(child_id) or not conn.execute(select(CC.c.person_id).where(
            CC.c.case_id == case_id, CC.c.person_id == child_id)).first():
        raise ValidationError("child_person_id", "Choose a child of this case.")
    if room_id is not None:
        room = conn.execute(select(RM.c.active).where(RM.c.id == room_id)).first() if _is_id(room_id) else None
        if room is None or not room.active:
            raise ValidationError("room_id", "Choose one of the centre's rooms in use.")
    _check_user(conn, "examiner_id", examiner_id, policy.Role.MEDICAL.value)
    if second_id is not None:
        _check_user(conn, "second_examiner_id", second_id)
        if second_id == examiner_id:
            raise ValidationError("second_examiner_id", "is the examiner.")
    conflicts = room_staff_conflicts(conn, s, e, room_id, {examiner_id, second_id}, zone, examination_id=exam_id)
    for _pid, other, ref, st, en in persons_busy(conn, {child_id}, s, e, examination_id=exam_id):
        conflicts.append(Conflict("child", f"child:{child_id}:{other}",
                                  f"The child is already booked {_span(st, en, zone)} (case {ref})."))
    wanted = {b for _a, b in no_contact_partners(conn, {child_id})}
    if wanted:
        buffer = timedelta(minutes=setting_in(conn, "no_contact_buffer_minutes"))
        lo, hi = to_utc_iso(parse_utc(s) - buffer), to_utc_iso(parse_utc(e) + buffer)
        for pid, other, ref, st, en in persons_busy(conn, wanted, lo, hi, examination_id=exam_id):
            conflicts.append(Conflict(
                "no_contact", f"no_contact:{pid}:{other}",
                f"{person_name(conn, pid)}, under a no-contact flag with the child, is in the building "
                f"{_span(st, en, zone)} (case {ref}); keep {int(buffer.total_seconds() // 60)} minutes apart."))
    return conflicts


def _span(st: str, en: str, zone: str) -> str:
    from barnahus_app.timeutil import zone_span_text
    return zone_span_text(st, en, zone)


def _clean_overrides(overrides) -> dict:
    if overrides is not None and not isinstance(overrides, dict):
        raise ValidationError("overrides", "give the reasons as {conflict key: reason}.")
    return {str(k): OVERRIDE_REASON.clean("override_reason", v) for k, v in (overrides or {}).items()}


def _enforce(conflicts: list[Conflict], overrides: dict) -> None:
    if any(not overrides.get(c.key) for c in conflicts):
        raise ConflictsFound(PlanCheck(tuple(conflicts), (), 0, False, False))


def _keep_overrides(conn, exam_id: int, conflicts: list[Conflict], overrides: dict, user_id: int) -> None:
    now = utc_now_iso()
    for c in conflicts:
        conn.execute(insert(OV).values(examination_id=exam_id, conflict=c.key, reason=overrides[c.key],
                                       by_user=user_id, at_utc=now))


def _clean_presence(items) -> list[dict]:
    if not isinstance(items, (list, tuple)) or len(items) > 50:
        raise ValidationError("present", "give who was present as a list (at most 50).")
    out = []
    for i, raw in enumerate(items):
        if not isinstance(raw, dict) or set(raw) - {"role", "person_id", "name"}:
            raise ValidationError("present", f"entry {i + 1}: give {{role, person_id or name}}.")
        role = vocab.check_code("medical_presence_roles", "role", raw.get("role"), True)
        pid, name = raw.get("person_id"), PRESENCE_NAME.clean("name", raw.get("name"))
        if pid is not None and not _is_id(pid):
            raise ValidationError("person_id", "is not a valid reference.")
        if pid is None and name is None:
            raise ValidationError("present", f"entry {i + 1}: give a person of the record or a name.")
        out.append({"role": role, "person_id": pid, "name": name})
    return out


def _drop_sealed(conn, table: str, row_id: int) -> None:
    conn.execute(delete(SV).where(SV.c.tbl == table, SV.c.row_id == row_id))


def _medical_rule(session, conn, row, due: str, subject_kind: str, subject_id: int) -> int:
    """A follow-up reminder of the medical discipline for the examination's child and case (no
    note: what it is about stays in the sealed section)."""
    values = clean_rule("action_item", {"due_on": due, "discipline": "medical", "subject_kind": subject_kind,
                                        "subject_id": subject_id}, new=True)
    return insert_rule(session, conn, row.child_person_id, row.case_id, "action_item", values)


def _close_follow_up_reminders(session, conn, child_id: int) -> list[int]:
    """Planning a follow-up examination completes the child's open "follow-up examination
    needed" reminders."""
    today = utc_now().date().isoformat()
    done = []
    for (rid,) in conn.execute(select(RULES.c.id).join(EX, EX.c.followup_rule_id == RULES.c.id).where(
            EX.c.child_person_id == child_id, RULES.c.subject_kind == "medical_examination",
            RULES.c.next_due.isnot(None))).all():
        if complete_occurrence(session, conn, rid, today):
            done.append(rid)
    return done


def _needing_review(conn, key: bytes, lo: str | None, hi: str | None) -> dict[int, int]:
    """{examination: findings needing review} of the held examinations (with a local start day
    in lo..hi when given), decrypting each finding's item code."""
    q = select(FI.c.id, FI.c.examination_id, FI.c.table_version, EX.c.starts_at_utc, EX.c.time_zone).join(
        EX, EX.c.id == FI.c.examination_id).where(EX.c.status == "held")
    if lo is not None:
        q = q.where(EX.c.starts_at_utc >= to_utc_iso(local_to_utc("start", f"{lo}T00:00", "UTC") - timedelta(days=1)),
                    EX.c.starts_at_utc < to_utc_iso(local_to_utc("end", f"{hi}T00:00", "UTC") + timedelta(days=2)))
    rows = [r for r in conn.execute(q).all()
            if lo is None or lo <= parse_utc(r[3]).astimezone(zone_info(r[4])).date().isoformat() <= hi]
    codes = read_values(conn, key, SECTION, "medical_findings", [r[0] for r in rows])
    out: dict[int, int] = {}
    for fid, xid, version, _st, _tz in rows:
        if classification.describe(version, codes.get((fid, "item_code")))["needs_expert_review"]:
            out[xid] = out.get(xid, 0) + 1
    return out


def _reviewed(conn, exam_ids) -> set[int]:
    ids = sorted(exam_ids)
    if not ids:
        return set()
    return {r[0] for r in conn.execute(select(RV.c.examination_id).where(RV.c.examination_id.in_(ids)))}


__all__ = ["MedicalActions", "SECTION", "examination_rows", "examination_detail", "examination_details",
           "released_statement",
           "mark_samples_handed_to_police", "require_examination"]
