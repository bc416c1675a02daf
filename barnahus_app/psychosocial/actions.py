"""Psychosocial assessment and treatment (Session mixin, issue #15).

Three layers, three grants (policy.py says who holds them and why):
  "psychosocial"   the coordination facts the team reads: treatment episodes (model, provider,
                   therapist, dates, end reason), sessions' attendance, that a crisis contact
                   took place, administrations with the BAND of each scale (never the answers),
                   what was done about a screen at or above its cut-off, the re-screening rules.
                   Therapists record them.
  "recovery_plan"  the recovery plan's goals: domain, goal, who helps, status, review date. Read
                   by the same roles, written by therapists and coordinators.
  "therapy"        the detail, therapists only: exact scores and the trend, and SEALED in the
                   section "therapy" (record/sections.py: the record key alone does not open it)
                   the item answers, session notes and crisis contact notes.

Rules kept here:
- An episode, a crisis contact and a recovery goal are for a child of the case or a non-offending
  family member (a party of the case who is not an alleged offender in it); an administration
  and a re-screen are for a child of the case.
- What must have happened is not in the future: a session, the end of an episode, a crisis
  contact, an administration.
- Every administration is scored by the core (instruments.score) under the version it keeps, a
  screen at or above the cut-off is an open prompt until the therapist records a diagnostic
  assessment, a referral of the case, or why neither was done.
- A goal's review date and a re-screen are follow-up reminders (followup/): the goal's an
  action item completed when the goal is achieved or dropped, the re-screen a recurring rule with
  no end date (full recovery does not end it), completed by an administration of its instrument.
- Audit entries carry ids and codes of coordination only: never an answer, a score, a band, a
  note or any text.

Session API (each one call, permission-checked and audited):
  start_episode(case_id, person_id, model, *, started_on, provider_agency_id=None, therapist_id=None) -> id
  end_episode(episode_id, *, ended_on, end_reason)
  record_session(episode_id, *, held_on, status, carer_took_part=False, notes=None) -> id
  session_notes(session_id) -> str | None
  record_crisis_contact(case_id, person_id, *, occurred_at, notes=None) -> id
  crisis_contact_notes(contact_id) -> str | None   (therapists)
  add_recovery_goal(case_id, person_id, *, domain, goal, helper=None, review_on=None) -> id
  update_recovery_goal(goal_id, **changes)   (status, goal, helper, review_on)
  record_administration(...) -> id; administration_answers(admin_id); resolve_screen(admin_id, ...)
  set_rescreen(case_id, person_id, instrument, *, every_months) -> rule id
  case_psychosocial(case_id) -> dict; trend(case_id, person_id, instrument_code) -> dict
  case_assessments(case_id) -> [dict]   (therapists: the administrations with their scores)
  missed_sessions(as_of, days=30) -> [dict]   (therapists' Today: missed sessions still owed a follow-up)
"""
from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import insert, or_, select, update

from barnahus_app import policy, vocab
from barnahus_app.cases.actions import require_case
from barnahus_app.cases.tables import Case, CaseChild, CaseParty
from barnahus_app.errors import NotFound, ValidationError
from barnahus_app.fields import Date, Text, check_count
from barnahus_app.followup.actions import R as RULES, clean_rule, complete_occurrence, insert_rule, recompute
from barnahus_app.persons.tables import Agency, Person, StaffContact
from barnahus_app.psychosocial import instruments
from barnahus_app.psychosocial.tables import (
    Administration, CrisisContact, RecoveryGoal, Rescreen, TherapySession, TreatmentEpisode,
)
from barnahus_app.record.sections import read_value, rows_with_values
from barnahus_app.referrals.tables import Referral
from barnahus_app.session_base import SessionBase
from barnahus_app.timeutil import age_on, check_datetime, parse_utc, utc_now, utc_now_iso
from barnahus_app.users.tables import User, UserRole

SECTION = "therapy"                  # the sealed section (policy.SECTIONS)
AD = Administration.__table__
EP = TreatmentEpisode.__table__
SE = TherapySession.__table__
CR = CrisisContact.__table__
GO = RecoveryGoal.__table__
RS = Rescreen.__table__
CC = CaseChild.__table__
CP = CaseParty.__table__
AG = Agency.__table__
SC = StaffContact.__table__
P = Person.__table__
U = User.__table__
RF = Referral.__table__
CA = Case.__table__

NOTES = Text(100_000, multiline=True)
GOAL = Text(2000, required=True, multiline=True)
HELPER_TEXT = Text(200, required=True)
REASON = Text(2000, required=True, multiline=True)
GOAL_CHANGES = ("status", "goal", "helper", "review_on")
MISSED_DAYS = 30                     # missed_sessions looks this far back by default
NOTE_SUBJECTS = {"therapy_sessions": "session", "crisis_contacts": "crisis_contact"}   # audit detail keys


class PsychosocialActions(SessionBase):
    # --- treatment episodes and sessions ("psychosocial") -------------------------------------
    def start_episode(self, case_id: int, person_id: int, model: str, *, started_on,
                      provider_agency_id: int | None = None, therapist_id: int | None = None) -> int:
        """A treatment episode of a child of the case or a non-offending family member: its model
        (treatment_models), the provider (the centre when provider_agency_id is None) and the
        therapist (an active user with the therapist role)."""
        self._authorize("psychosocial", "create")
        model = vocab.check_code("treatment_models", "model", model, True)
        started = Date(required=True, not_future=True).clean("started_on", started_on)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            _check_person(conn, case_id, person_id)
            if provider_agency_id is not None:
                row = conn.execute(select(AG.c.active).where(AG.c.id == provider_agency_id)).first() \
                    if _is_id(provider_agency_id) else None
                if row is None or not row.active:
                    raise ValidationError("provider_agency_id", "Choose one of the agencies in use, or none for "
                                                                "the centre.")
            if therapist_id is not None:
                _check_therapist(conn, "therapist_id", therapist_id)
            now = utc_now_iso()
            eid = conn.execute(insert(EP).values(
                case_id=case_id, person_id=person_id, model=model, provider_agency_id=provider_agency_id,
                therapist_id=therapist_id, started_on=started, created_by=self.user_id, created_at=now,
                updated_at=now)).inserted_primary_key[0]
            self._audit(conn, "psychosocial.episode_started", "case", case_id, {"episode": eid, "model": model})
        return eid

    def end_episode(self, episode_id: int, *, ended_on, end_reason: str) -> None:
        self._authorize("psychosocial", "update")
        reason = vocab.check_code("treatment_end_reasons", "end_reason", end_reason, True)
        ended = Date(required=True, not_future=True).clean("ended_on", ended_on)
        with self.record.transaction() as conn:
            ep = _episode(conn, episode_id)
            if ep.ended_on is not None:
                raise ValidationError("ended_on", f"This episode already ended on {ep.ended_on}.")
            if ended < ep.started_on:
                raise ValidationError("ended_on", "is before the episode started.")
            last = conn.execute(select(SE.c.held_on).where(SE.c.episode_id == episode_id)
                                .order_by(SE.c.held_on.desc()).limit(1)).scalar()
            if last is not None and ended < last:
                raise ValidationError("ended_on", f"is before the episode's last session ({last}).")
            conn.execute(update(EP).where(EP.c.id == episode_id).values(
                ended_on=ended, end_reason=reason, updated_at=utc_now_iso()))
            self._audit(conn, "psychosocial.episode_ended", "case", ep.case_id,
                        {"episode": episode_id, "end_reason": reason})

    def record_session(self, episode_id: int, *, held_on, status: str, carer_took_part: bool = False,
                       notes: str | None = None) -> int:
        """A session of the episode (therapy_session_statuses), within its dates; notes sealed."""
        self._authorize("psychosocial", "create")
        status = vocab.check_code("therapy_session_statuses", "status", status, True)
        held = Date(required=True, not_future=True).clean("held_on", held_on)
        if not isinstance(carer_took_part, bool):
            raise ValidationError("carer_took_part", "must be yes or no.")
        notes = self._sealable_notes(notes)
        with self.record.transaction() as conn:
            ep = _episode(conn, episode_id)
            if held < ep.started_on or (ep.ended_on is not None and held > ep.ended_on):
                raise ValidationError("held_on", f"is outside the episode ({ep.started_on} to "
                                                 f"{ep.ended_on or 'now'}).")
            sid = conn.execute(insert(SE).values(
                episode_id=episode_id, held_on=held, status=status, carer_took_part=carer_took_part,
                created_by=self.user_id, created_at=utc_now_iso())).inserted_primary_key[0]
            if notes is not None:
                self.sections.write(conn, SECTION, "therapy_sessions", sid, "notes", notes)
            self._audit(conn, "psychosocial.session_recorded", "case", ep.case_id,
                        {"episode": episode_id, "session": sid, "status": status})
        return sid

    def session_notes(self, session_id: int) -> str | None:
        return self._notes("therapy_sessions", session_id, "therapy session", "therapy.session_notes_read",
                           select(EP.c.case_id).join(SE, SE.c.episode_id == EP.c.id).where(SE.c.id == session_id))

    # --- crisis contacts ----------------------------------------------------------------------
    def record_crisis_contact(self, case_id: int, person_id: int, *, occurred_at, notes: str | None = None) -> int:
        """A crisis contact (a past date and time with its zone) with a child of the case or a
        non-offending family member, by the user recording it; notes sealed."""
        self._authorize("psychosocial", "create")
        at = check_datetime("occurred_at", occurred_at, required=True)
        if parse_utc(at) > utc_now():
            raise ValidationError("occurred_at", "is in the future.")
        notes = self._sealable_notes(notes)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            _check_person(conn, case_id, person_id)
            cid = conn.execute(insert(CR).values(case_id=case_id, person_id=person_id, occurred_at_utc=at,
                                                 by_user=self.user_id, created_at=utc_now_iso())
                               ).inserted_primary_key[0]
            if notes is not None:
                self.sections.write(conn, SECTION, "crisis_contacts", cid, "notes", notes)
            self._audit(conn, "psychosocial.crisis_contact_recorded", "case", case_id, {"crisis_contact": cid})
        return cid

    def crisis_contact_notes(self, contact_id: int) -> str | None:
        return self._notes("crisis_contacts", contact_id, "crisis contact", "therapy.crisis_notes_read",
                           select(CR.c.case_id).where(CR.c.id == contact_id))

    # --- the recovery plan ("recovery_plan") --------------------------------------------------
    def add_recovery_goal(self, case_id: int, person_id: int, *, domain: str, goal: str, helper=None,
                          review_on=None) -> int:
        """A goal of the recovery plan (recovery_domains). helper: who helps, as {"user_id": id},
        {"contact_id": id} (an outside staff contact), {"text": name} or plain text; None: nobody
        named yet. review_on: the next review, a follow-up reminder on that date."""
        self._authorize("recovery_plan", "create")
        domain = vocab.check_code("recovery_domains", "domain", domain, True)
        goal = GOAL.clean("goal", goal)
        review = Date().clean("review_on", review_on)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            _check_person(conn, case_id, person_id)
            helper_values = _clean_helper(conn, helper)
            now = utc_now_iso()
            gid = conn.execute(insert(GO).values(
                case_id=case_id, person_id=person_id, domain=domain, goal=goal, **helper_values, status="open",
                review_on=review, created_by=self.user_id, created_at=now, updated_at=now)).inserted_primary_key[0]
            rid = None
            if review is not None:
                rid = self._goal_rule(conn, case_id, person_id, gid, review)
                conn.execute(update(GO).where(GO.c.id == gid).values(followup_rule_id=rid))
            self._audit(conn, "recovery_plan.goal_added", "case", case_id,
                        {"goal": gid, "domain": domain, **({"rule": rid} if rid else {})})
        return gid

    def update_recovery_goal(self, goal_id: int, **changes) -> None:
        """Change a goal's status (recovery_goal_statuses), text, helper or review date. A new
        review date moves its reminder; achieved or dropped completes the review that is due."""
        self._authorize("recovery_plan", "update")
        unknown = set(changes) - set(GOAL_CHANGES)
        if unknown or not changes:
            raise ValidationError(sorted(unknown)[0] if unknown else "changes",
                                  "is not a field of a recovery goal that can be changed." if unknown
                                  else f"Give a field to change: {', '.join(GOAL_CHANGES)}.")
        values = {}
        if "status" in changes:
            values["status"] = vocab.check_code("recovery_goal_statuses", "status", changes["status"], True)
        if "goal" in changes:
            values["goal"] = GOAL.clean("goal", changes["goal"])
        if "review_on" in changes:
            values["review_on"] = Date().clean("review_on", changes["review_on"])
        with self.record.transaction() as conn:
            g = conn.execute(select(GO).where(GO.c.id == goal_id)).first() if _is_id(goal_id) else None
            if g is None:
                raise NotFound(f"There is no recovery goal {goal_id}.")
            if "helper" in changes:
                values.update(_clean_helper(conn, changes["helper"]))
            today = utc_now().date().isoformat()
            rid = g.followup_rule_id
            status = values.get("status", g.status)
            if status != "open":
                complete_occurrence(self, conn, rid, today)
            elif "review_on" in values and values["review_on"] != g.review_on:
                if values["review_on"] is None:
                    complete_occurrence(self, conn, rid, today)
                elif rid is None:
                    rid = self._goal_rule(conn, g.case_id, g.person_id, goal_id, values["review_on"])
                    values["followup_rule_id"] = rid
                else:
                    rule = conn.execute(select(RULES).where(RULES.c.id == rid)).first()
                    data = clean_rule(rule.kind, {"due_on": values["review_on"]}, new=False, current=rule)
                    conn.execute(update(RULES).where(RULES.c.id == rid).values(**data, updated_at=utc_now_iso()))
                    recompute(conn, RULES.c.id == rid)
            conn.execute(update(GO).where(GO.c.id == goal_id).values(**values, updated_at=utc_now_iso()))
            self._audit(conn, "recovery_plan.goal_updated", "case", g.case_id,
                        {"goal": goal_id, "fields": sorted(changes),
                         **({"status": values["status"]} if "status" in values else {})})

    # --- administrations of instruments ---------------------------------------------------------
    def record_administration(self, case_id: int, person_id: int, instrument: str, *, version: int | None = None,
                              time_point: str, respondent: str, administered_on, answers: dict | None = None,
                              scores: dict | None = None) -> int:
        """An administration of an instrument (its newest version unless version is given) to or
        about a child of the case, administered by this user. The core scores it
        (instruments.score): a bundled instrument from its item answers (sealed: therapy.update
        and the section key), a scores-only one from the scores typed from the official form.
        The child's age on the day (when their date of birth is known) must be within the
        instrument's ages. A screen at or above the cut-off becomes an open prompt
        (resolve_screen). It completes the child's re-screen with this instrument that is due."""
        self._authorize("psychosocial", "create")
        definition = _instrument(instrument, version)
        point = vocab.check_code("psychosocial_time_points", "time_point", time_point, True)
        who = vocab.check_code("psychosocial_respondents", "respondent", respondent, True)
        if who not in definition.respondents:
            raise ValidationError("respondent", f"{definition.name} is answered by "
                                                f"{' or '.join(definition.respondents)}, not the {who}.")
        on = Date(required=True, not_future=True).clean("administered_on", administered_on)
        if answers is not None and not isinstance(answers, dict):
            raise ValidationError("answers", "give the answers as {item: answer}.")
        if scores is not None and not isinstance(scores, dict):
            raise ValidationError("scores", "give the scores as {scale: score}.")
        result = instruments.score(definition, answers=answers, scores=scores)
        sealed = None
        if answers is not None:
            policy.require(self.roles, "therapy", "update")
            self.sections.key(SECTION)
            sealed = json.dumps({k: int(v) for k, v in answers.items() if v is not None}, sort_keys=True)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            _check_child(conn, case_id, person_id)
            dob = conn.execute(select(P.c.date_of_birth).where(P.c.id == person_id)).scalar()
            if dob:
                age = age_on(date.fromisoformat(dob), date.fromisoformat(on))
                if not definition.min_age <= age <= definition.max_age:
                    raise ValidationError("instrument", f"{definition.name} is for ages {definition.min_age}-"
                                                        f"{definition.max_age}; the child was {age} on {on}. "
                                                        "Choose the instrument for their age (or correct the "
                                                        "date of birth).")
            aid = conn.execute(insert(AD).values(
                case_id=case_id, child_person_id=person_id, instrument_code=definition.code,
                instrument_version=definition.version, time_point=point, respondent=who,
                administered_by=self.user_id, administered_on=on, scores=json.dumps(result.values, sort_keys=True),
                bands=json.dumps(result.bands, sort_keys=True), screen_value=result.screen_value,
                at_or_above_cutoff=result.at_or_above_cutoff, created_at=utc_now_iso())).inserted_primary_key[0]
            if sealed is not None:
                self.sections.write(conn, SECTION, "psychosocial_administrations", aid, "answers", sealed)
            done = []
            for r in conn.execute(select(RS.c.followup_rule_id, RS.c.created_at).where(
                    RS.c.child_person_id == person_id, RS.c.instrument_code == definition.code)).all():
                if on >= r.created_at[:10] and complete_occurrence(self, conn, r.followup_rule_id, on):
                    done.append(r.followup_rule_id)
            self._audit(conn, "psychosocial.administration_recorded", "case", case_id,
                        {"administration": aid, "instrument": definition.code, "version": definition.version,
                         **({"rules_completed": done} if done else {})})
        return aid

    def administration_answers(self, admin_id: int) -> dict[str, int]:
        """The item answers of an administration ({} for a scores-only one), therapists only."""
        self._authorize("therapy", "read")
        key = self.sections.key(SECTION)
        with self.record.transaction() as conn:
            a = _administration(conn, admin_id)
            raw = read_value(conn, key, SECTION, "psychosocial_administrations", admin_id, "answers")
            self._audit(conn, "therapy.answers_read", "case", a.case_id, {"administration": admin_id})
        return json.loads(raw) if raw else {}

    def resolve_screen(self, admin_id: int, *, action: str, referral_id: int | None = None,
                       reason: str | None = None) -> None:
        """What was done about a screen at or above its cut-off (screen_resolutions): a diagnostic
        assessment, a referral (referral_id: a referral of the case for the child), or not done
        with the reason why. A later resolution replaces an earlier one."""
        self._authorize("psychosocial", "update")
        action = vocab.check_code("screen_resolutions", "action", action, True)
        if action == "not_done":
            reason = REASON.clean("reason", reason)
        elif reason not in (None, ""):
            raise ValidationError("reason", "is given only when the assessment or referral was not done.")
        else:
            reason = None
        if action != "referral" and referral_id is not None:
            raise ValidationError("referral_id", "is given only for a referral.")
        with self.record.transaction() as conn:
            a = _administration(conn, admin_id)
            if not a.at_or_above_cutoff:
                raise ValidationError("action", "This screen is below its cut-off: nothing needs resolving.")
            if action == "referral":
                ref = conn.execute(select(RF.c.case_id, RF.c.child_person_id).where(RF.c.id == referral_id)).first() \
                    if _is_id(referral_id) else None
                if ref is None or ref.case_id != a.case_id or ref.child_person_id not in (None, a.child_person_id):
                    raise ValidationError("referral_id", "Choose a referral of this case for this child.")
            conn.execute(update(AD).where(AD.c.id == admin_id).values(
                resolution=action, referral_id=referral_id if action == "referral" else None,
                resolution_reason=reason, resolved_by=self.user_id, resolved_at=utc_now_iso()))
            self._audit(conn, "psychosocial.screen_resolved", "case", a.case_id,
                        {"administration": admin_id, "action": action})

    def set_rescreen(self, case_id: int, person_id: int, instrument: str, *, every_months: int) -> int:
        """Re-screen the child with the instrument every N months (1-120), first due N months
        from today: a recurring follow-up rule of the therapist discipline with no end date (full
        recovery does not end it). Set again for the same child and instrument, the interval
        changes. Returns the rule's id."""
        self._authorize("psychosocial", "create")
        code = _instrument(instrument).code
        if not isinstance(every_months, int) or isinstance(every_months, bool) or not 1 <= every_months <= 120:
            raise ValidationError("every_months", "must be a whole number of months from 1 to 120.")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            _check_child(conn, case_id, person_id)
            existing = conn.execute(select(RS.c.followup_rule_id).where(
                RS.c.child_person_id == person_id, RS.c.instrument_code == code)).scalar()
            if existing is not None:
                rule = conn.execute(select(RULES).where(RULES.c.id == existing)).first()
                data = clean_rule(rule.kind, {"interval_months": every_months}, new=False, current=rule)
                conn.execute(update(RULES).where(RULES.c.id == existing).values(**data, updated_at=utc_now_iso()))
                recompute(conn, RULES.c.id == existing)
                rid = existing
            else:
                values = clean_rule("recurring_review", {"interval_months": every_months, "discipline": "therapist",
                                                         "until_recovery": False,
                                                         "subject_kind": "psychosocial_rescreen"}, new=True)
                rid = insert_rule(self, conn, person_id, case_id, "recurring_review", values)
                sid = conn.execute(insert(RS).values(case_id=case_id, child_person_id=person_id, instrument_code=code,
                                                     followup_rule_id=rid, created_by=self.user_id,
                                                     created_at=utc_now_iso())).inserted_primary_key[0]
                conn.execute(update(RULES).where(RULES.c.id == rid).values(subject_id=sid))
            self._audit(conn, "psychosocial.rescreen_set", "case", case_id,
                        {"rule": rid, "instrument": code, "every_months": every_months})
        return rid

    def trend(self, case_id: int, person_id: int, instrument_code: str) -> dict:
        """The child's screen scores with an instrument over time, therapists only: every
        administration of it to the child (in any of their cases: a child may come back years
        later), each read by the rules of its own version, with the cut-off of the newest one and
        the child's treatment episodes:
        {"instrument", "name", "scale", "cutoff", "points": [(administered_on, value, band)],
         "episodes": [(started_on, ended_on or None, model label)]}."""
        self._authorize("therapy", "read")
        _instrument(instrument_code)
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            _check_child(conn, case_id, person_id)
            out = trend_data(conn, person_id, instrument_code)
            self._audit(conn, "therapy.trend_read", "case", case_id,
                        {"person": person_id, "instrument": instrument_code, "points": len(out["points"])})
        return out

    # --- reading ------------------------------------------------------------------------------
    def case_psychosocial(self, case_id: int) -> dict:
        """What the team coordinates on, for every "psychosocial" reader:
        {"episodes": [{id, person_id, person_name, model, provider_agency_id, provider_name (None:
         the centre), therapist_id, therapist_name, started_on, ended_on, end_reason,
         "sessions": [{id, held_on, status, carer_took_part, notes_written}]}],
         "administrations": [{id, child_person_id, instrument, version, time_point, respondent,
         administered_by, administered_on, bands, screen_band, at_or_above_cutoff, resolution,
         referral_id, resolution_reason, resolved_on, and for "therapy" readers only: scores,
         screen_value}] (never the answers),
         "goals": [{id, person_id, domain, goal, helper_user_id, helper_contact_id, helper (a
         name or text), status, review_on}],
         "crisis_contacts": [{id, person_id, occurred_at_utc, by_user, by_name}],
         "open_prompts": [{administration_id, child_person_id, instrument, administered_on}],
         "next_review": the earliest review date of an open goal (a datetime.date) or None,
         "engaged": whether an episode is running (started and not ended)}."""
        self._authorize("psychosocial", "read")
        scores_too = self.can("therapy", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            out = case_facts(conn, case_id, scores_too)
            self._audit(conn, "psychosocial.case_read", "case", case_id,
                        {"episodes": len(out["episodes"]), "administrations": len(out["administrations"]),
                         "scores": scores_too})
        return out

    def case_assessments(self, case_id: int) -> list[dict]:
        """For therapists only (therapy.read): the case's administrations as case_psychosocial
        gives them to a therapist (scores, bands, the screen value, what was done about a screen
        at or above the cut-off), oldest first; never the answers. The `assessments` command."""
        self._authorize("therapy", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            out = case_facts(conn, case_id, True)["administrations"]
            self._audit(conn, "therapy.assessments_read", "case", case_id, {"administrations": len(out)})
        return out

    def missed_sessions(self, as_of, days: int = MISSED_DAYS) -> list[dict]:
        """The therapist's Today: treatment episodes whose child or family member missed a session
        and has not come since, across cases. The rule, exactly: a session with status "missed"
        held from as_of - days to as_of (both days included), in an episode not ended by as_of
        (no end date, or one after as_of), with no "attended" session of the same episode on or
        after the missed one's day (up to as_of): that follow-up is still owed. A cancelled session
        neither counts as missed nor makes one up. One row per episode, for its latest missed
        session, oldest first: {"case_id", "case_reference", "episode_id", "person_id",
        "therapist_id", "held_on" (the latest missed day), "missed" (how many missed sessions of
        the window are owed)}. Ids, references and dates only: no names, no notes.

        Therapists only (psychosocial.update: who records sessions owes the follow-up); the team
        reads attendance on the case's Psychosocial tab."""
        self._authorize("psychosocial", "update")
        today = Date(required=True).clean("as_of", as_of)
        check_count("days", days, 0, 3660)
        since = (date.fromisoformat(today) - timedelta(days=days)).isoformat()
        later = SE.alias("later")
        made_up = select(later.c.id).where(later.c.episode_id == SE.c.episode_id, later.c.status == "attended",
                                           later.c.held_on >= SE.c.held_on, later.c.held_on <= today).exists()
        with self.record.transaction() as conn:
            owed: dict[int, dict] = {}
            for r in conn.execute(select(SE.c.episode_id, SE.c.held_on, EP.c.case_id, CA.c.reference, EP.c.person_id,
                                         EP.c.therapist_id)
                                  .join(EP, EP.c.id == SE.c.episode_id).join(CA, CA.c.id == EP.c.case_id)
                                  .where(SE.c.status == "missed", SE.c.held_on >= since, SE.c.held_on <= today,
                                         or_(EP.c.ended_on.is_(None), EP.c.ended_on > today), ~made_up)
                                  .order_by(SE.c.held_on, SE.c.id)):
                row = owed.setdefault(r.episode_id, {
                    "case_id": r.case_id, "case_reference": r.reference, "episode_id": r.episode_id,
                    "person_id": r.person_id, "therapist_id": r.therapist_id, "held_on": r.held_on, "missed": 0})
                row["held_on"] = r.held_on
                row["missed"] += 1
            out = sorted(owed.values(), key=lambda x: (x["held_on"], x["case_reference"], x["episode_id"]))
            self._audit(conn, "psychosocial.missed_sessions_read", None, None,
                        {"as_of": today, "days": days, "episodes": len(out)})
        return out

    # --- internals of the mixin ---------------------------------------------------------------
    def _sealable_notes(self, notes) -> str | None:
        """Notes cleaned; given ones need the therapy grant and the section key (SectionLocked
        before anything is written)."""
        notes = NOTES.clean("notes", notes)
        if notes is not None:
            policy.require(self.roles, "therapy", "update")
            self.sections.key(SECTION)
        return notes

    def _notes(self, table: str, row_id: int, what: str, audit_action: str, case_of) -> str | None:
        """The sealed notes of a session or a crisis contact (case_of: the query of its case),
        therapists only."""
        self._authorize("therapy", "read")
        key = self.sections.key(SECTION)
        with self.record.transaction() as conn:
            case_id = conn.execute(case_of).scalar() if _is_id(row_id) else None
            if case_id is None:
                raise NotFound(f"There is no {what} {row_id}.")
            notes = read_value(conn, key, SECTION, table, row_id, "notes")
            self._audit(conn, audit_action, "case", case_id, {NOTE_SUBJECTS[table]: row_id})
        return notes

    def _goal_rule(self, conn, case_id: int, person_id: int, goal_id: int, due: str) -> int:
        """The review of a goal: a follow-up action item of the therapist discipline when a
        therapist sets it, else of the case lead's (coordinator)."""
        discipline = "therapist" if policy.Role.THERAPIST.value in self.roles else "coordinator"
        values = clean_rule("action_item", {"due_on": due, "discipline": discipline, "subject_kind": "recovery_goal",
                                            "subject_id": goal_id}, new=True)
        return insert_rule(self, conn, person_id, case_id, "action_item", values)


# --- functions other features may use ----------------------------------------------------------------

def case_facts(conn, case_id: int, scores_too: bool) -> dict:
    """The coordination facts of a case's psychosocial work (see case_psychosocial); exact scores
    only when scores_too."""
    episodes = [dict(r._mapping) for r in conn.execute(
        select(EP.c.id, EP.c.person_id, EP.c.model, EP.c.provider_agency_id, AG.c.name.label("provider_name"),
               EP.c.therapist_id, U.c.display_name.label("therapist_name"), EP.c.started_on, EP.c.ended_on,
               EP.c.end_reason)
        .outerjoin(AG, AG.c.id == EP.c.provider_agency_id).outerjoin(U, U.c.id == EP.c.therapist_id)
        .where(EP.c.case_id == case_id).order_by(EP.c.started_on, EP.c.id))]
    sessions: dict[int, list] = {e["id"]: [] for e in episodes}
    rows = conn.execute(select(SE.c.id, SE.c.episode_id, SE.c.held_on, SE.c.status, SE.c.carer_took_part)
                        .where(SE.c.episode_id.in_(list(sessions))).order_by(SE.c.held_on, SE.c.id)).all() \
        if sessions else []
    written = rows_with_values(conn, "therapy_sessions", "notes", [r.id for r in rows])
    for r in rows:
        sessions[r.episode_id].append({"id": r.id, "held_on": r.held_on, "status": r.status,
                                       "carer_took_part": bool(r.carer_took_part), "notes_written": r.id in written})
    people = _names(conn, {e["person_id"] for e in episodes})
    for e in episodes:
        e["person_name"] = people.get(e["person_id"])
        e["sessions"] = sessions[e["id"]]
    administrations, known = [], {}
    for a in conn.execute(select(AD).where(AD.c.case_id == case_id).order_by(AD.c.administered_on, AD.c.id)):
        bands = json.loads(a.bands)
        screen = _screen_scale(a.instrument_code, a.instrument_version, known)
        row = {"id": a.id, "child_person_id": a.child_person_id, "instrument": a.instrument_code,
               "version": a.instrument_version, "time_point": a.time_point, "respondent": a.respondent,
               "administered_by": a.administered_by, "administered_on": a.administered_on, "bands": bands,
               "screen_band": bands.get(screen) if screen else None,
               "at_or_above_cutoff": bool(a.at_or_above_cutoff), "resolution": a.resolution,
               "referral_id": a.referral_id, "resolution_reason": a.resolution_reason,
               "resolved_on": a.resolved_at[:10] if a.resolved_at else None}
        if scores_too:
            row.update(scores=json.loads(a.scores), screen_value=a.screen_value)
        administrations.append(row)
    goals = [{"id": g.id, "person_id": g.person_id, "domain": g.domain, "goal": g.goal,
              "helper_user_id": g.helper_user_id, "helper_contact_id": g.helper_contact_id,
              "helper": g.user_name or g.contact_name or g.helper_text, "status": g.status, "review_on": g.review_on}
             for g in conn.execute(select(GO, U.c.display_name.label("user_name"), SC.c.name.label("contact_name"))
                                   .outerjoin(U, U.c.id == GO.c.helper_user_id)
                                   .outerjoin(SC, SC.c.id == GO.c.helper_contact_id)
                                   .where(GO.c.case_id == case_id).order_by(GO.c.id))]
    crisis = [{"id": r.id, "person_id": r.person_id, "occurred_at_utc": r.occurred_at_utc, "by_user": r.by_user,
               "by_name": r.display_name}
              for r in conn.execute(select(CR.c.id, CR.c.person_id, CR.c.occurred_at_utc, CR.c.by_user,
                                           U.c.display_name).join(U, U.c.id == CR.c.by_user)
                                    .where(CR.c.case_id == case_id).order_by(CR.c.occurred_at_utc, CR.c.id))]
    prompts = [{"administration_id": a["id"], "child_person_id": a["child_person_id"], "instrument": a["instrument"],
                "administered_on": a["administered_on"]}
               for a in administrations if a["at_or_above_cutoff"] and a["resolution"] is None]
    reviews = sorted(g["review_on"] for g in goals if g["status"] == "open" and g["review_on"])
    today = utc_now().date().isoformat()
    return {"episodes": episodes, "administrations": administrations, "goals": goals, "crisis_contacts": crisis,
            "open_prompts": prompts, "next_review": date.fromisoformat(reviews[0]) if reviews else None,
            "engaged": any(e["ended_on"] is None and e["started_on"] <= today for e in episodes)}


def trend_data(conn, person_id: int, instrument_code: str) -> dict:
    """What trend() returns (the child's screens with the instrument in any of their cases, the
    cut-off of the newest version they were read by, their treatment episodes), for a caller that
    authorized therapy.read and audits (trend(), the psychosocial summary)."""
    newest = _instrument(instrument_code)
    rows = conn.execute(select(AD.c.administered_on, AD.c.instrument_version, AD.c.screen_value, AD.c.bands)
                        .where(AD.c.child_person_id == person_id, AD.c.instrument_code == instrument_code)
                        .order_by(AD.c.administered_on, AD.c.id)).all()
    if rows:   # the cut-off the latest screens were read by
        newest = _instrument(instrument_code, max(r.instrument_version for r in rows))
    points, known = [], {}
    for r in rows:
        scale = _screen_scale(instrument_code, r.instrument_version, known)
        points.append((r.administered_on, r.screen_value, json.loads(r.bands).get(scale)))
    models = vocab.vocabulary("treatment_models")
    episodes = [(e.started_on, e.ended_on, models.label(e.model)) for e in conn.execute(
        select(EP.c.started_on, EP.c.ended_on, EP.c.model).where(EP.c.person_id == person_id)
        .order_by(EP.c.started_on, EP.c.id))]
    return {"instrument": newest.code, "name": newest.name, "scale": newest.screen_scale,
            "cutoff": newest.cutoff, "points": points, "episodes": episodes}


# --- internals ---------------------------------------------------------------------------------------

def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**62


def _episode(conn, episode_id: int):
    row = conn.execute(select(EP).where(EP.c.id == episode_id)).first() if _is_id(episode_id) else None
    if row is None:
        raise NotFound(f"There is no treatment episode {episode_id}.")
    return row


def _is_child(conn, case_id: int, person_id) -> bool:
    return _is_id(person_id) and conn.execute(select(CC.c.person_id).where(
        CC.c.case_id == case_id, CC.c.person_id == person_id)).first() is not None


def _check_child(conn, case_id: int, person_id) -> None:
    if not _is_child(conn, case_id, person_id):
        raise ValidationError("person_id", "Choose a child of this case.")


def _check_person(conn, case_id: int, person_id) -> None:
    """A child of the case, or a non-offending family member: a party of the case who is not an
    alleged offender in it."""
    if _is_child(conn, case_id, person_id):
        return
    roles = {r for (r,) in conn.execute(select(CP.c.party_role).where(
        CP.c.case_id == case_id, CP.c.person_id == person_id))} if _is_id(person_id) else set()
    if not roles or "alleged_offender" in roles:
        raise ValidationError("person_id", "Choose a child of this case or a non-offending family member "
                                           "(a person of the case who is not an alleged offender).")


def _check_therapist(conn, field_name: str, user_id) -> None:
    ok = _is_id(user_id) and conn.execute(
        select(U.c.id).join(UserRole, UserRole.user_id == U.c.id)
        .where(U.c.id == user_id, U.c.active.is_(True), UserRole.role == policy.Role.THERAPIST.value)).first()
    if not ok:
        raise ValidationError(field_name, "must be an active user with the therapist role.")


def _clean_helper(conn, helper) -> dict:
    """{helper_user_id, helper_contact_id, helper_text}: at most one set."""
    out = {"helper_user_id": None, "helper_contact_id": None, "helper_text": None}
    if helper is None:
        return out
    if isinstance(helper, str):
        helper = {"text": helper}
    if not isinstance(helper, dict) or len(helper) != 1 or next(iter(helper)) not in ("user_id", "contact_id", "text"):
        raise ValidationError("helper", 'give who helps as {"user_id": id}, {"contact_id": id} or {"text": name}.')
    (kind, value), = helper.items()
    if kind == "text":
        out["helper_text"] = HELPER_TEXT.clean("helper", value)
    elif kind == "user_id":
        if not (_is_id(value) and conn.execute(select(U.c.id).where(U.c.id == value, U.c.active.is_(True))).first()):
            raise ValidationError("helper", "names a user who does not exist or is disabled.")
        out["helper_user_id"] = value
    else:
        if not (_is_id(value) and conn.execute(select(SC.c.id).where(SC.c.id == value)).first()):
            raise ValidationError("helper", "names a staff contact that does not exist.")
        out["helper_contact_id"] = value
    return out


def _names(conn, person_ids) -> dict[int, str]:
    ids = sorted(person_ids)
    if not ids:
        return {}
    return {r.id: f"{r.given_name} {r.family_name}".strip()
            for r in conn.execute(select(P.c.id, P.c.given_name, P.c.family_name).where(P.c.id.in_(ids)))}


def _administration(conn, admin_id: int):
    row = conn.execute(select(AD).where(AD.c.id == admin_id)).first() if _is_id(admin_id) else None
    if row is None:
        raise NotFound(f"There is no administration {admin_id}.")
    return row


def _instrument(code, version=None) -> instruments.Instrument:
    if not isinstance(code, str) or (version is not None and (not isinstance(version, int) or isinstance(version, bool))):
        raise ValidationError("instrument", "Give an instrument's code (and a version number, or none for the newest).")
    return instruments.get(code, version)


def _screen_scale(code: str, version: int, known: dict) -> str | None:
    """The screen scale of the instrument version an administration was scored under (known:
    the caller's cache of them); None when that definition cannot be read any more (a centre's
    own definition removed since)."""
    if (code, version) not in known:
        try:
            known[(code, version)] = instruments.get(code, version).screen_scale
        except ValidationError:
            known[(code, version)] = None
    return known[(code, version)]


__all__ = ["PsychosocialActions", "SECTION", "case_facts", "trend_data"]
