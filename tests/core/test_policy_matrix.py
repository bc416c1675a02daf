"""The permission matrix, generated from policy.POLICY and policy.ACTIONS.

OPERATIONS maps every (data kind, action) pair of policy.ACTIONS to one call through the public
Session API that performs that action; ALSO_GUARDED lists the other public methods that need the
same grants. For every role (and a few multi-role users) and every operation:
  allowed  -> the call succeeds and the audit trail gains an entry naming the user;
  denied   -> PermissionDenied, the audit trail is unchanged and no data (nor any file) changed.
A new data kind or action without an operation here fails test_operations_cover_every_pair; a new
public Session method that is in neither table nor UNGUARDED fails test_every_public_method_is_classified.
The matrix proves the core enforces and audits policy.POLICY, not that the table is right: what it
should say is EXPECTED_POLICY below, written out by hand and compared with it.
"""
from __future__ import annotations

import hashlib
import inspect
import re
from datetime import date
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Callable

import pytest

from barnahus_app import policy
from barnahus_app.documents import pki
from barnahus_app.api import CaseFilter, PermissionDenied, Session, create_record, open_record
from tests.support.records import (
    ADMIN_PASSWORD, FAST_KDF, ROLE_USERS, STAFF_PASSWORD, copy_record_folder, login, raw, sample_case,
)

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [(kind, action) for kind, actions in policy.ACTIONS.items() for action in actions]
ROLES = [r.value for r in policy.Role]
# Users with several roles: they must hold the union of their roles' grants.
MULTI_ROLE_USERS = {
    "coord_therapist": ["coordinator", "therapist"],
    "liaison_medical": ["liaison", "medical"],
    "interviewer_therapist": ["interviewer", "therapist"],
    "admin_liaison": ["admin", "liaison"],
}
SEEDED_DISABILITY = "Seeded disability note"
SEEDED_RISK = ["poverty"]
SEEDED_NOTES = "Seeded interviewer notes"


@dataclass(frozen=True)
class Op:
    """One user action through the public API. needs: every grant it requires (default: the
    pair it stands for). audit_action: the entry it must write. filter_of: for grants the core
    applies by leaving content out rather than by refusing the call (vulnerability.read), the
    result keys that must be present when allowed and absent when denied."""

    name: str
    call: Callable | None
    audit_action: str | None = None
    needs: tuple = ()
    filter_of: tuple = ()

    def __call__(self, session, ids):
        return self.call(session, ids)


def _followup_rule_for(s, i) -> int:
    """Set-up for the followup.update operations, not an action under test: a due review of the
    user's own discipline (coordinators: any), written straight into the record, since no Session
    method makes one without followup.create. Users who may not update get a rule id that is never
    looked up (the call is refused first), so a refused call changes nothing."""
    if not s.can("followup", "update"):
        return 1
    from sqlalchemy import insert
    from barnahus_app.followup import actions as followup
    disc = next((r for r in ("therapist", "medical", "interviewer") if r in s.roles), "coordinator")
    with s.record.transaction() as conn:
        rid = conn.execute(insert(followup.R).values(
            person_id=i["child_id"], case_id=i["case_id"], kind="recurring_review", discipline=disc,
            due_on="2026-01-01", interval_months=6, until_recovery=True, status="active",
            created_by=s.user_id, created_at="2026-01-01T00:00:00.000000Z",
            updated_at="2026-01-01T00:00:00.000000Z")).inserted_primary_key[0]
        followup.recompute(conn, followup.R.c.id == rid)
    return rid


def _recovered_child(s, i) -> int:
    """Set-up through the core for record_relapse: the child's full recovery (only for users who
    may record one; the others' call is refused first)."""
    if s.can("followup", "create"):
        s.record_full_recovery(i["child_id"], on="2026-05-01")
    return i["child_id"]


def _offence_for(s, i) -> int:
    """Set-up through the core for update_alleged_offence (only for users who may add one)."""
    return s.add_alleged_offence(i["case_id"], "sexual_abuse_child", "2025-06-01") if s.can("case", "update") else 1

def _referral_for(s, i) -> int:
    """Set-up through the core for the referral.update operations: a referral of the user's own
    (therapists and medical staff change only theirs; referrals/actions.py may_update). Users who
    may not update get an id that is never looked up (the call is refused first)."""
    if not s.can("referral", "update"):
        return 1
    return s.create_referral(i["case_id"], "out", "therapy_elsewhere", on="2026-03-10")


def _plan_second(s, i) -> int:
    return s.plan_interview(i["case_id"], i["child_id"], "2026-12-03T13:00", 60, i["room2_id"], i["interviewer_id"],
                            time_zone="Europe/Stockholm", justification="A new disclosure (matrix)")


CA_PASSPHRASE = "the centre's safe, matrix"


def _pkcs12() -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, load_pem_private_key, pkcs12
    from barnahus_app.documents import pki
    creds, ca_pem, _ = pki.create_centre_credentials("Imported PKI")
    return pkcs12.serialize_key_and_certificates(
        b"centre", load_pem_private_key(creds.key_pem.encode(), None), creds.cert,
        [x509.load_pem_x509_certificate(ca_pem.encode())], BestAvailableEncryption(b"p12-password"))


OPERATIONS: dict[tuple[str, str], Op] = {
    ("case", "read"): Op("get_case", lambda s, i: s.get_case(i["case_id"]), "case.read"),
    ("case", "create"): Op("create_case", lambda s, i: s.create_case(
        referral_received_at="2026-04-01T10:00:00+02:00", jurisdiction="SE"), "case.created"),
    ("case", "update"): Op("update_case", lambda s, i: s.update_case(
        i["case_id"], summary="Updated by the matrix", triage_level="planned"), "case.updated"),
    ("case", "export"): Op("export_case", lambda s, i: s.export_case(i["case_id"]), "case.exported"),
    ("person", "read"): Op("get_person", lambda s, i: s.get_person(i["child_id"]), "person.read"),
    ("person", "create"): Op("create_person", lambda s, i: s.create_person(
        given_name="Matrixa", family_name="Newperson", date_of_birth="2015-01-01",
        acknowledge_duplicates=True), "person.created"),
    ("person", "update"): Op("update_person", lambda s, i: s.update_person(
        i["offender_id"], notes="Updated by the matrix"), "person.updated"),
    ("vulnerability", "read"): Op("get_person (vulnerability part)", lambda s, i: s.get_person(i["child_id"]),
                                  "person.read", needs=(("person", "read"), ("vulnerability", "read")),
                                  filter_of=("disability", "terms", "age_assessments")),
    ("vulnerability", "update"): Op("update_person (terms)", lambda s, i: s.update_person(
        i["child_id"], terms={"risk_factors": ["poverty", "isolation"]}), "person.updated"),
    ("agency", "read"): Op("list_agencies", lambda s, i: s.list_agencies(), "agency.list"),
    ("agency", "create"): Op("create_agency", lambda s, i: s.create_agency(
        name="Matrix Police", kind="police"), "agency.created"),
    ("agency", "update"): Op("update_agency", lambda s, i: s.update_agency(
        i["agency_id"], phone="+46 000 000"), "agency.updated"),
    ("audit", "read"): Op("audit_entries", lambda s, i: s.audit_entries(), "audit.read"),
    ("audit", "export"): Op("export_case_audit", lambda s, i: s.export_case_audit(i["case_id"]), "audit.exported"),
    ("user", "read"): Op("list_users", lambda s, i: s.list_users(), "user.list"),
    ("user", "create"): Op("add_user", lambda s, i: s.add_user(
        "matrixnew", "Matrix New", ["medical"], STAFF_PASSWORD), "user.created"),
    ("user", "update"): Op("set_roles", lambda s, i: s.set_roles("medical", ["medical", "therapist"]),
                           "user.roles_set"),
    ("record", "rotate_key"): Op("rotate_record_key", lambda s, i: s.rotate_record_key(), "record.key_rotated"),
    ("record", "split_key"): Op("split_recovery_key", lambda s, i: s.split_recovery_key(2, 3),
                                "record.recovery_key_split"),
    ("record", "backup"): Op("backup", lambda s, i: s.backup(), "record.backup"),
    ("record", "settings"): Op("set_setting", lambda s, i: s.set_setting("idle_lock_minutes", 15),
                               "record.setting_changed"),
    ("followup", "read"): Op("reminders", lambda s, i: s.reminders("2026-06-01"), "followup.reminders_read"),
    ("followup", "create"): Op("add_followup_rule", lambda s, i: s.add_followup_rule(
        i["child_id"], "recurring_review", i["case_id"], due_on="2026-09-01", interval_months=6),
        "followup.rule_added"),
    ("followup", "update"): Op("complete_reminder", lambda s, i: s.complete_reminder(
        _followup_rule_for(s, i), on="2026-01-02"), "followup.completed"),
    ("room", "read"): Op("list_rooms", lambda s, i: s.list_rooms(), "room.list"),
    ("room", "create"): Op("create_room", lambda s, i: s.create_room("Matrix room", "meeting"), "room.created"),
    ("room", "update"): Op("update_room", lambda s, i: s.update_room(i["room_id"], name="Renamed room"),
                           "room.updated"),
    ("interview", "read"): Op("get_interview", lambda s, i: s.get_interview(i["interview_id"]), "interview.read"),
    ("interview", "create"): Op("plan_interview", _plan_second, "interview.planned"),
    ("interview", "update"): Op("move_interview", lambda s, i: s.move_interview(
        i["interview_id"], "2026-12-02T14:00"), "interview.moved"),
    ("interview", "export"): Op("calendar_ics", lambda s, i: s.calendar_ics(
        date(2026, 12, 1), date(2026, 12, 7), "Europe/Stockholm"), "calendar.exported"),
    ("interview_notes", "read"): Op("get_interview (notes part)", lambda s, i: s.get_interview(i["interview_id"]),
                                    "interview.read", needs=(("interview", "read"), ("interview_notes", "read")),
                                    filter_of=("notes",)),
    ("interview_notes", "update"): Op("set_interview_notes", lambda s, i: s.set_interview_notes(
        i["interview_id"], "Notes by the matrix"), "interview.notes_written"),
    ("recording", "read"): Op("interview_recordings", lambda s, i: s.interview_recordings(i["interview_id"]),
                              "recording.list"),
    ("recording", "create"): Op("register_recording", lambda s, i: s.register_recording(
        i["interview_id"], i["recording_file"], label="Matrix working copy", copy_kind="working",
        master_id=i["recording_id"]), "recording.registered"),
    ("recording", "update"): Op("add_custody_event", lambda s, i: s.add_custody_event(
        i["recording_id"], "viewed", location="Viewing room", purpose="Matrix review"), "recording.viewed"),
    ("recording", "amend"): Op("correct_recording_label", lambda s, i: s.correct_recording_label(
        i["recording_id"], "Master (corrected by the matrix)", "A typo in the label"), "recording.label_corrected"),
    ("referral", "read"): Op("referrals", lambda s, i: s.referrals(), "referral.list"),
    ("referral", "create"): Op("create_referral", lambda s, i: s.create_referral(
        i["case_id"], "out", "child_psychiatry", agency_id=i["agency_id"], on="2026-03-10"), "referral.created"),
    ("referral", "update"): Op("set_referral_status", lambda s, i: s.set_referral_status(
        _referral_for(s, i), "sent", on="2026-03-11"), "referral.status_set"),
    ("meeting", "export"): Op("issue_minutes", lambda s, i: s.issue_minutes(
        i["held_id"], "docx", i["recording_file"].parent / "minutes.docx"), "document.issued"),
    ("meeting", "read"): Op("meeting_view", lambda s, i: s.meeting_view(i["meeting_id"]), "meeting.read"),
    ("meeting", "create"): Op("plan_meeting", lambda s, i: s.plan_meeting(
        "urgent", "2026-12-10T09:00", 60, chair_id=i["coordinator_id"], remote=True, time_zone="Europe/Stockholm"),
        "meeting.planned"),
    ("meeting", "update"): Op("record_item", lambda s, i: s.record_item(
        i["item_id"], child_heard="directly", child_views="Views (matrix)", decisions=["Decided by the matrix"]),
        "meeting.item_recorded"),
    ("meeting", "approve"): Op("approve_minutes", lambda s, i: s.approve_minutes(i["held_id"]), "meeting.approved"),
    ("examination", "read"): Op("case_examinations", lambda s, i: s.case_examinations(i["case_id"]),
                                "examination.list"),
    ("examination", "create"): Op("plan_examination", lambda s, i: s.plan_examination(
        i["case_id"], i["child_id"], "non_acute_forensic", "2026-12-01T10:00", 60, examiner_id=i["examiner_id"],
        commissioned_by="police", priority="non_urgent", time_zone="Europe/Stockholm"), "examination.planned"),
    ("examination", "update"): Op("move_examination", lambda s, i: s.move_examination(
        i["exam_planned"], "2026-11-05T14:00"), "examination.moved"),
    ("medical", "read"): Op("review_queue", lambda s, i: s.review_queue(), "medical.review_queue_read"),
    ("medical", "update"): Op("add_finding", lambda s, i: s.add_finding(
        i["exam_held"], "1.02", "vulva", "Finding (matrix)"), "medical.finding_added"),
    ("medical", "review"): Op("review_examination", lambda s, i: s.review_examination(
        i["exam_held"], True, "Reviewed (matrix)", "2026-11-20"), "medical.reviewed"),
    ("medical", "release"): Op("release_outcome", lambda s, i: s.release_outcome(i["exam_held"], "no_findings"),
                               "examination.outcome_released"),
    ("psychosocial", "read"): Op("case_psychosocial", lambda s, i: s.case_psychosocial(i["case_id"]),
                                 "psychosocial.case_read"),
    ("psychosocial", "create"): Op("start_episode", lambda s, i: s.start_episode(
        i["case_id"], i["child_id"], "emdr", started_on="2026-10-01"), "psychosocial.episode_started"),
    ("psychosocial", "update"): Op("end_episode", lambda s, i: s.end_episode(
        i["episode_id"], ended_on="2026-10-20", end_reason="completed"), "psychosocial.episode_ended"),
    ("recovery_plan", "create"): Op("add_recovery_goal", lambda s, i: s.add_recovery_goal(
        i["case_id"], i["child_id"], domain="safety", goal="Safe way to school (matrix)", review_on="2027-02-01"),
        "recovery_plan.goal_added"),
    ("recovery_plan", "update"): Op("update_recovery_goal", lambda s, i: s.update_recovery_goal(
        i["goal_id"], status="achieved"), "recovery_plan.goal_updated"),
    ("therapy", "read"): Op("session_notes", lambda s, i: s.session_notes(i["session_id"]),
                            "therapy.session_notes_read"),
    # notes are written with a session (psychosocial.create) and need therapy.update besides
    ("therapy", "update"): Op("record_session (notes)", lambda s, i: s.record_session(
        i["episode_id"], held_on="2026-09-15", status="attended", notes="Notes (matrix)"),
        "psychosocial.session_recorded", needs=(("psychosocial", "create"), ("therapy", "update"))),
    ("justice", "read"): Op("justice_summary", lambda s, i: s.justice_summary(i["case_id"]), "justice.summary_read"),
    ("justice", "create"): Op("open_proceeding", lambda s, i: s.open_proceeding(
        i["case_id"], i["offender_id"], "civil"), "justice.proceeding_opened"),
    ("justice", "update"): Op("record_justice_event", lambda s, i: s.record_justice_event(
        i["proceeding_id"], "investigation_opened", "2026-03-10"), "justice.event_recorded"),
}

_JU = (("justice", "update"),)
JUSTICE_OPS = [
    # the summary line (its counts) is the case's: every case reader has it, no more of the track
    Op("justice_status", lambda s, i: s.justice_status(i["case_id"]), "justice.status_read",
       needs=(("case", "read"),)),
    Op("liaison_today", lambda s, i: s.liaison_today("2026-12-01"), "justice.today_read",
       needs=(("justice", "read"),)),
    Op("schedule_hearing", lambda s, i: s.schedule_hearing(i["sentenced_id"], "2027-02-01"),
       "justice.hearing_scheduled", needs=_JU),
    Op("move_hearing", lambda s, i: s.move_hearing(i["hearing_id"], "2027-01-20"), "justice.hearing_moved",
       needs=_JU),
    Op("update_proceeding", lambda s, i: s.update_proceeding(i["proceeding_id"], court_reference="TR-MATRIX-1"),
       "justice.proceeding_updated", needs=_JU),
    Op("set_child_participation", lambda s, i: s.set_child_participation(i["proceeding_id"], participation="live_link"),
       "justice.child_part_set", needs=_JU),
    Op("set_release_date", lambda s, i: s.set_release_date(i["sentenced_id"], "2027-06-01"),
       "justice.release_date_set", needs=_JU),
    Op("set_release_wish", lambda s, i: s.set_release_wish(i["sentenced_id"], "wanted", "2026-11-01"),
       "justice.release_wish_set", needs=_JU),
    Op("record_release_informed", lambda s, i: s.record_release_informed(i["sentenced_id"], "2026-11-01"),
       "justice.release_informed", needs=_JU),
    Op("open_claim", lambda s, i: s.open_claim(i["case_id"], "civil_claim", "guardian", currency="EUR"),
       "justice.claim_opened", needs=(("justice", "create"),)),
    Op("set_claim_status", lambda s, i: s.set_claim_status(i["claim_id"], "filed", "2026-11-01", amount=100_000),
       "justice.claim_status_set", needs=_JU),
    Op("record_payment", lambda s, i: s.record_payment(i["awarded_claim_id"], 1_000, "2026-11-02"),
       "justice.payment_recorded", needs=_JU),
    Op("set_claim_deadline", lambda s, i: s.set_claim_deadline(i["claim_id"], "2027-01-31"),
       "justice.claim_deadline_set", needs=_JU),
    Op("record_rights_explained", lambda s, i: s.record_rights_explained(i["case_id"], "other", "2026-11-01"),
       "justice.rights_explained", needs=_JU),
]

_PC = (("psychosocial", "create"),)
PSYCHOSOCIAL_OPS = [
    Op("record_session", lambda s, i: s.record_session(i["episode_id"], held_on="2026-09-22", status="missed"),
       "psychosocial.session_recorded", needs=_PC),
    Op("record_crisis_contact", lambda s, i: s.record_crisis_contact(
        i["case_id"], i["child_id"], occurred_at="2026-10-02T21:15:00+02:00"), "psychosocial.crisis_contact_recorded",
       needs=_PC),
    Op("record_crisis_contact (notes)", lambda s, i: s.record_crisis_contact(
        i["case_id"], i["child_id"], occurred_at="2026-10-02T21:15:00+02:00", notes="Crisis (matrix)"),
       "psychosocial.crisis_contact_recorded", needs=_PC + (("therapy", "update"),)),
    Op("record_administration", lambda s, i: s.record_administration(
        i["case_id"], i["child_id"], "UCLA-PTSD-RI-5", time_point="baseline", respondent="child",
        administered_on="2026-09-03", scores={"total": 20}), "psychosocial.administration_recorded", needs=_PC),
    Op("record_administration (answers)", lambda s, i: s.record_administration(
        i["case_id"], i["child_id"], "CATS-7-17", time_point="follow_up", respondent="child",
        administered_on="2026-10-03", answers={f"s{n}": 1 for n in range(1, 21)}),
       "psychosocial.administration_recorded", needs=_PC + (("therapy", "update"),)),
    Op("missed_sessions", lambda s, i: s.missed_sessions("2026-12-01"), "psychosocial.missed_sessions_read",
       needs=(("psychosocial", "update"),)),
    Op("resolve_screen", lambda s, i: s.resolve_screen(i["admin_id"], action="diagnostic_assessment"),
       "psychosocial.screen_resolved", needs=(("psychosocial", "update"),)),
    Op("set_rescreen", lambda s, i: s.set_rescreen(i["case_id"], i["child_id"], "CATS-7-17", every_months=6),
       "psychosocial.rescreen_set", needs=_PC),
    Op("administration_answers", lambda s, i: s.administration_answers(i["admin_id"]), "therapy.answers_read",
       needs=(("therapy", "read"),)),
    Op("trend", lambda s, i: s.trend(i["case_id"], i["child_id"], "CATS-7-17"), "therapy.trend_read",
       needs=(("therapy", "read"),)),
    Op("case_assessments", lambda s, i: s.case_assessments(i["case_id"]), "therapy.assessments_read",
       needs=(("therapy", "read"),)),
    Op("issue_psychosocial_summary", lambda s, i: s.issue_psychosocial_summary(
        i["case_id"], "docx", i["recording_file"].parent / "psychosocial.docx"), "document.issued",
       needs=(("therapy", "read"),)),
    Op("crisis_contact_notes", lambda s, i: s.crisis_contact_notes(i["crisis_id"]), "therapy.crisis_notes_read",
       needs=(("therapy", "read"),)),
]

_XU, _XR = (("examination", "update"),), (("examination", "read"),)
_DU, _DR = (("medical", "update"),), (("medical", "read"),)
MEDICAL_OPS = [
    Op("cancel_examination", lambda s, i: s.cancel_examination(i["exam_planned"], "Child unwell (matrix)"),
       "examination.cancelled", needs=_XU),
    Op("record_agreement", lambda s, i: s.record_agreement(i["exam_planned"], child="agreed", guardian="agreed"),
       "examination.agreement_recorded", needs=_XU),
    Op("set_presence", lambda s, i: s.set_presence(i["exam_planned"], [{"role": "carer", "person_id": i["carer_id"]}]),
       "examination.presence_set", needs=_XU),
    Op("hold_examination", lambda s, i: s.hold_examination(i["exam_planned"]), "examination.held", needs=_XU),
    Op("update_examination", lambda s, i: s.update_examination(i["exam_planned"], priority="emergent",
                                                                examiner_credentials="Paediatrician (matrix)"),
       "examination.updated", needs=_XU),
    Op("examination_view", lambda s, i: s.examination_view(i["exam_held"]), "examination.read", needs=_XR),
    Op("remove_finding", lambda s, i: s.remove_finding(i["finding_id"]), "medical.finding_removed", needs=_DU),
    Op("set_medical_notes", lambda s, i: s.set_medical_notes(i["exam_held"], "Notes (matrix)", None),
       "medical.notes_written", needs=_DU),
    Op("order_test", lambda s, i: s.order_test(i["exam_held"], "sti", "2026-11-06"), "medical.test_ordered",
       needs=_DU),
    Op("record_test_result", lambda s, i: s.record_test_result(i["test_id"], "Negative (matrix)", "2026-11-12"),
       "medical.test_result_recorded", needs=_DU),
    Op("record_result_told", lambda s, i: s.record_result_told(i["exam_held"], "2026-11-12", i["examiner_id"]),
       "examination.result_told", needs=_DU),
    Op("review_share", lambda s, i: s.review_share("2026-01-01", "2026-12-31"), "medical.review_share_read",
       needs=_DR),
    Op("case_medical", lambda s, i: s.case_medical(i["case_id"]), "medical.case_read", needs=_DR),
    Op("release_statement", lambda s, i: s.release_statement(i["exam_held"], "case_summary"),
       "medical.statement_released", needs=(("medical", "release"),)),
]

# Forensic samples and images (medical/evidence.py): the medical detail, medical staff only.
EVIDENCE_OPS = [
    Op("register_sample", lambda s, i: s.register_sample(i["exam_held"], kit_id="KIT-M2", sample_type="urine"),
       "medical.sample_registered", needs=_DU),
    Op("add_sample_event", lambda s, i: s.add_sample_event(i["sample_id"], "stored", location="Fridge (matrix)"),
       "medical.sample_stored", needs=_DU),
    Op("examination_samples", lambda s, i: s.examination_samples(i["exam_held"]), "medical.samples_read",
       needs=_DR),
    Op("register_image", lambda s, i: s.register_image(i["exam_held"], i["recording_file"].parent / "image.cr2"),
       "medical.image_registered", needs=_DU),
    Op("log_image_viewing", lambda s, i: s.log_image_viewing(i["image_id"], purpose="Review (matrix)",
                                                            location="Workstation"), "medical.image_viewed", needs=_DR),
    Op("release_image", lambda s, i: s.release_image(
        i["image_id"], requester="Prosecutor (matrix)", legal_basis="court_order", receipt="Receipt (matrix)",
        purpose="prosecutor_bundle", location="Records office"), "medical.image_released",
       needs=(("medical", "release"),)),
    Op("examination_images", lambda s, i: s.examination_images(i["exam_held"]), "medical.images_read", needs=_DR),
    Op("check_image_fixity", lambda s, i: s.check_image_fixity(i["image_id"], i["recording_file"].parent / "image.cr2"),
       "medical.image_fixity_ok", needs=_DU),
]

_MU, _MR = (("meeting", "update"),), (("meeting", "read"),)
MEETING_OPS = [
    Op("move_meeting", lambda s, i: s.move_meeting(i["meeting_id"], "2026-11-20T10:00"), "meeting.moved", _MU),
    Op("cancel_meeting", lambda s, i: s.cancel_meeting(i["meeting_id"], "Matrix"), "meeting.cancelled", _MU),
    Op("update_meeting", lambda s, i: s.update_meeting(i["meeting_id"], title="Matrix"), "meeting.updated", _MU),
    Op("set_attendees", lambda s, i: s.set_attendees(i["meeting_id"], [
        {"contact_id": i["contact_id"], "discipline": "police"},
        {"user_id": i["coordinator_id"], "discipline": "social_services"}]), "meeting.attendees_set", _MU),
    Op("record_undertaking", lambda s, i: s.record_undertaking(i["contact_id"], "2026-10-01"),
       "meeting.undertaking_recorded", _MU),
    Op("add_agenda_items", lambda s, i: s.add_agenda_items(i["held_id"], [(i["case_id"], "added")]),
       "meeting.item_added", _MU),
    Op("remove_agenda_item", lambda s, i: s.remove_agenda_item(i["item_id"]), "meeting.item_removed", _MU),
    Op("move_agenda_item", lambda s, i: s.move_agenda_item(i["item_id"], 1), "meeting.item_moved", _MU),
    Op("record_outcome_explained", lambda s, i: s.record_outcome_explained(i["item_id"], "2026-11-21", "child"),
       "meeting.outcome_explained", _MU),
    Op("add_team_action", lambda s, i: s.add_team_action(i["case_id"], "Matrix action", "2026-12-20",
                                                         owner_contact_id=i["contact_id"]), "meeting.action_added", _MU),
    Op("set_team_action_status", lambda s, i: s.set_team_action_status(i["action_id"], "done", on="2026-12-01"),
       "meeting.action_status_set", _MU),
    Op("hold_meeting", lambda s, i: s.hold_meeting(i["meeting_id"]), "meeting.held", _MU),
    Op("add_minutes_addendum", lambda s, i: s.add_minutes_addendum(i["approved_id"], "Matrix correction"),
       "meeting.addendum_added", _MU),
    Op("set_review_interval", lambda s, i: s.set_review_interval(i["case_id"], 60), "meeting.review_interval_set", _MU),
    Op("save_draft (meeting item)", lambda s, i: s.save_draft("meeting_item", i["item_id"], {"child_views": "d"}),
       "draft.saved", _MU),
    Op("missing_disciplines", lambda s, i: s.missing_disciplines(i["meeting_id"]), "meeting.disciplines_checked", _MR),
    Op("undertaking_of", lambda s, i: s.undertaking_of(i["contact_id"]), "meeting.undertaking_read", _MR),
    Op("cases_due", lambda s, i: s.cases_due(i["meeting_id"]), "meeting.cases_due_read", _MR),
    Op("overdue_team_actions", lambda s, i: s.overdue_team_actions("2026-12-05"), "meeting.overdue_actions_read", _MR),
    Op("meetings", lambda s, i: s.meetings(date(2026, 11, 1), date(2026, 11, 30)), "meeting.list", _MR),
    Op("case_team", lambda s, i: s.case_team(i["case_id"]), "meeting.case_team_read", _MR),
]

# The other public methods, each with the grants it needs.
ALSO_GUARDED: list[Op] = [
    Op("list_cases", lambda s, i: s.list_cases(CaseFilter(text="Exampledottir")), "case.list",
       needs=(("case", "read"),)),
    Op("case_id_for_reference", lambda s, i: s.case_id_for_reference(i["reference"]), "case.lookup",
       needs=(("case", "read"),)),
    Op("add_child", lambda s, i: s.add_child(i["case_id"], i["spare_id"], "witness"), "case.child_added",
       needs=(("case", "update"),)),
    Op("add_party", lambda s, i: s.add_party(i["case_id"], i["carer_id"], "carer", "parent", i["child_id"]),
       "case.party_added", needs=(("case", "update"),)),
    Op("record_information_given", lambda s, i: s.record_information_given(
        i["case_id"], told_at="2026-03-05T10:00:00+01:00", language="sv", format="oral",
        topic="The interview and who will watch it"), "case.information_given", needs=(("case", "update"),)),
    Op("find_similar_persons", lambda s, i: s.find_similar_persons("Testa", "Exampledottir", "2014-05-06"),
       "person.search", needs=(("person", "read"),)),
    Op("no_contact_pairs", lambda s, i: s.no_contact_pairs(i["child_id"]), "person.no_contact_read",
       needs=(("person", "read"),)),
    Op("add_age_assessment", lambda s, i: s.add_age_assessment(
        i["spare_id"], assessed_on="2025-01-01", method="documents", assessor="A. Assessor",
        basis="Birth certificate"), "person.age_assessed", needs=(("person", "update"),)),
    Op("set_no_contact", lambda s, i: s.set_no_contact(i["spare_id"], i["offender_id"], "matrix"),
       "person.no_contact_set", needs=(("person", "update"),)),
    Op("update_person (fields and vulnerability)", lambda s, i: s.update_person(
        i["child_id"], notes="Both", disability="Changed"), "person.updated",
       needs=(("person", "update"), ("vulnerability", "update"))),
    Op("create_person (with terms)", lambda s, i: s.create_person(
        given_name="Termina", family_name="Newperson", acknowledge_duplicates=True,
        terms={"special_protection_needs": ["unaccompanied"]}), "person.created",
       needs=(("person", "create"), ("vulnerability", "update"))),
    Op("add_staff_contact", lambda s, i: s.add_staff_contact(agency_id=i["agency_id"], name="Officer Matrix"),
       "agency.staff_added", needs=(("agency", "update"),)),
    Op("users_with_role", lambda s, i: s.users_with_role("coordinator"), "user.list",
       needs=(("user", "read"),)),
    Op("roles_of", lambda s, i: s.roles_of("coordinator"), "user.read", needs=(("user", "read"),)),
    Op("set_active", lambda s, i: s.set_active("medical", False), "user.disabled", needs=(("user", "update"),)),
    Op("reset_password", lambda s, i: s.reset_password("medical", "a-new-password-1"), "user.password_reset",
       needs=(("user", "update"),)),
    Op("save_draft (new case)", lambda s, i: s.save_draft("case", None, {"summary": "draft"}), "draft.saved",
       needs=(("case", "create"),)),
    Op("save_draft (person edit)", lambda s, i: s.save_draft("person", i["child_id"], {"notes": "draft"}),
       "draft.saved", needs=(("person", "update"),)),
    Op("decline_reminder", lambda s, i: s.decline_reminder(
        _followup_rule_for(s, i), "Declined further contact", offer_again="2031-01-01"),
       "followup.declined", needs=(("followup", "update"),)),
    Op("snooze_reminder", lambda s, i: s.snooze_reminder(_followup_rule_for(s, i), "2031-01-01"),
       "followup.snoozed", needs=(("followup", "update"),)),
    Op("update_followup_rule", lambda s, i: s.update_followup_rule(_followup_rule_for(s, i), interval_months=12),
       "followup.rule_updated", needs=(("followup", "update"),)),
    Op("record_full_recovery", lambda s, i: s.record_full_recovery(i["child_id"], on="2026-05-01"),
       "followup.full_recovery_recorded", needs=(("followup", "create"),)),
    Op("end_followup_rule", lambda s, i: s.end_followup_rule(_followup_rule_for(s, i), "Moved abroad"),
       "followup.rule_ended", needs=(("followup", "update"),)),
    Op("record_relapse", lambda s, i: s.record_relapse(_recovered_child(s, i), i["case_id"]),
       "followup.relapse_recorded", needs=(("followup", "create"),)),
    Op("followup_plan", lambda s, i: s.followup_plan(i["child_id"]), "followup.plan_read",
       needs=(("followup", "read"),)),
    Op("add_alleged_offence", lambda s, i: s.add_alleged_offence(i["case_id"], "rape_child", "2025-06-01"),
       "case.offence_added", needs=(("case", "update"),)),
    Op("update_alleged_offence", lambda s, i: s.update_alleged_offence(_offence_for(s, i), offence_date="2025-07-01"),
       "case.offence_updated", needs=(("case", "update"),)),
    Op("limitation_status", lambda s, i: s.limitation_status(i["case_id"]), "case.limitations_read",
       needs=(("case", "read"),)),
    Op("case_years", lambda s, i: s.case_years(), "case.years", needs=(("case", "read"),)),
    Op("save_intake (new case, new child)", lambda s, i: s.save_intake(
        None, {"referral_received_at": "2026-04-02T10:00:00+02:00", "jurisdiction": "SE"},
        ["physical_violence"],
        persons=[{"key": "new:1", "values": {"given_name": "Intaka", "family_name": "Newchild"},
                  "acknowledge_duplicates": True}],
        links=[{"kind": "child", "person": "new:1", "role": "victim"},
               {"kind": "party", "person": i["carer_id"], "role": "carer", "relationship_to_child": "parent",
                "child": "new:1"}],
        no_contact=[{"person": i["offender_id"], "other": "new:1", "reason": "matrix"}]),
       "case.created", needs=(("case", "create"), ("case", "update"), ("person", "create"), ("person", "update"))),
    Op("save_intake (case edit, child's terms)", lambda s, i: s.save_intake(
        i["case_id"], {"summary": "Intake edit by the matrix"},
        persons=[{"id": i["child_id"], "terms": {"protective_factors": ["trusted_adult"]}}]),
       "case.updated", needs=(("case", "update"), ("vulnerability", "update"))),
    Op("save_intake (person only)", lambda s, i: s.save_intake(
        i["case_id"], {}, persons=[{"id": i["offender_id"], "values": {"notes": "Intake note"}}]),
       "person.updated", needs=(("case", "read"), ("person", "update"))),
    Op("interviewers", lambda s, i: s.interviewers(), "interview.interviewers_listed",
       needs=(("interview", "read"),)),
    Op("check_interview_plan", lambda s, i: s.check_interview_plan(
        i["case_id"], i["child_id"], "2026-12-04T10:00", 60, i["room_id"], i["interviewer_id"],
        time_zone="Europe/Stockholm"), "interview.plan_checked", needs=(("interview", "read"),)),
    Op("interview_count", lambda s, i: s.interview_count(i["child_id"]), "interview.counted",
       needs=(("interview", "read"),)),
    Op("case_interviews", lambda s, i: s.case_interviews(i["case_id"]), "interview.list",
       needs=(("interview", "read"),)),
    Op("calendar", lambda s, i: s.calendar(date(2026, 12, 1), date(2026, 12, 7), "Europe/Stockholm"),
       "calendar.viewed", needs=(("interview", "read"),)),
    Op("my_interviews", lambda s, i: s.my_interviews(), "interview.mine_listed",
       needs=(("interview", "read"),)),
    Op("cancel_interview", lambda s, i: s.cancel_interview(i["interview_id"], "Rescheduled (matrix)"),
       "interview.cancelled", needs=(("interview", "update"),)),
    Op("record_child_declined", lambda s, i: s.record_child_declined(i["interview_id"], "Matrix"),
       "interview.child_declined", needs=(("interview", "update"),)),
    Op("record_interview", lambda s, i: s.record_interview(
        i["interview_id"], actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55"),
       "interview.recorded", needs=(("interview", "update"),)),
    Op("custody_log", lambda s, i: s.custody_log(i["recording_id"]), "recording.custody_read",
       needs=(("recording", "read"),)),
    Op("check_fixity", lambda s, i: s.check_fixity(i["recording_id"], i["recording_file"]),
       "recording.fixity_ok", needs=(("recording", "update"),)),
    Op("write_case_summary", lambda s, i: s.write_case_summary(
        i["case_id"], i["recording_file"].parent / "summary.docx", "docx"), "document.issued",
       needs=(("case", "export"),)),
    Op("export_bundle", lambda s, i: s.export_bundle(i["case_id"], i["recording_file"].parent / "bundle"),
       "bundle.exported", needs=(("case", "export"), ("audit", "export"))),
    Op("verify_document", lambda s, i: s.verify_document(i["recording_file"].parent / "issued.pdf"),
       "document.verified", needs=(("case", "read"),)),
    Op("document_register", lambda s, i: s.document_register(i["case_id"]), "document.register_read",
       needs=(("case", "read"),)),
    Op("meeting_documents", lambda s, i: s.meeting_documents(i["meeting_id"]), "document.register_read",
       needs=(("meeting", "read"),)),
    Op("record_disclosure", lambda s, i: s.record_disclosure(
        i["document_id"], recipient="Prosecutor (matrix)", undertaking="Court use only"), "document.disclosed",
       needs=(("case", "export"),)),
    Op("create_signing_identity", lambda s, i: s.create_signing_identity(
        i["recording_file"].parent / "new-ca.p12", CA_PASSPHRASE), "signing.identity_created",
       needs=(("record", "settings"),)),
    Op("renew_signing_certificate", lambda s, i: s.renew_signing_certificate(
        (i["recording_file"].parent / "ca.p12").read_bytes(), CA_PASSPHRASE), "signing.certificate_renewed",
       needs=(("record", "settings"),)),
    Op("export_ca_key", lambda s, i: s.export_ca_key(i["recording_file"].parent / "exported-ca.p12", CA_PASSPHRASE),
       "signing.ca_key_exported", needs=(("record", "settings"),)),
    Op("import_signing_identity", lambda s, i: s.import_signing_identity(i["pkcs12"], "p12-password"),
       "signing.identity_imported", needs=(("record", "settings"),)),
    Op("set_settings", lambda s, i: s.set_settings({"backup_keep_days": 30, "backup_keep_weeks": 20}),
       "record.setting_changed", needs=(("record", "settings"),)),
    Op("seal_audit_trail", lambda s, i: s.seal_audit_trail(i["recording_file"].parent / "matrix.seal"),
       "audit.sealed", needs=(("audit", "export"),)),
    Op("open_section_with_recovery_key", lambda s, i: s.open_section_with_recovery_key(
        "interview_notes", i["notes_recovery"]), "section.opened_with_recovery_key",
       needs=(("interview_notes", "read"),)),
    Op("new_section_recovery_key", lambda s, i: s.new_section_recovery_key("interview_notes", lambda _text: None),
       "section.recovery_key_replaced", needs=(("interview_notes", "read"),)),
    Op("referral_view", lambda s, i: s.referral_view(i["referral_id"]), "referral.read",
       needs=(("referral", "read"),)),
    Op("case_referrals", lambda s, i: s.case_referrals(i["case_id"]), "referral.case_list",
       needs=(("referral", "read"),)),
    Op("overdue_referrals", lambda s, i: s.overdue_referrals("2026-04-01"), "referral.overdue_read",
       needs=(("referral", "read"),)),
    Op("record_referral_sharing", lambda s, i: s.record_referral_sharing(
        _referral_for(s, i), items=["case_summary"], legal_basis="law", recipient="Clinic (matrix)",
        undertaking="Treatment only", document_ids=[i["document_id"]]), "referral.shared",
       needs=(("referral", "update"),)),
    Op("disclosure_register", lambda s, i: s.disclosure_register(i["case_id"]), "disclosure.register_read",
       needs=(("case", "read"),)),
    Op("schedule_fixity_checks", lambda s, i: s.schedule_fixity_checks(i["recording_id"], 12),
       "recording.fixity_scheduled", needs=(("recording", "update"),)),
] + MEETING_OPS + MEDICAL_OPS + EVIDENCE_OPS + PSYCHOSOCIAL_OPS + JUSTICE_OPS

# Public methods that check no grant, on purpose. Anything else public must be in a table above.
UNGUARDED = {
    "can": "asks the policy, does nothing",
    "close": "ends the user's own session",
    "automatic_backup_due": "whether closing would back up: settings and file times, no content",
    "automatic_backup": "the backup any user's closing makes (close() calls it): not a user's choice",
    "check": "file integrity, chain and schema: no case content (DOMAIN: any user may)",
    "audit_head": "the chain head (id, hash) for documents to quote: no content",
    "record_info": "record id, centre name, schema: no case content",
    "change_own_password": "a user's own key slot",
    "setting": "record settings hold no case content (settings.py)",
    "centre_zone": "the record setting time_zone: no case content",
    "drafts": "the user's own drafts, which only a user allowed to make the edit could save",
    "discard_draft": "the user's own drafts",
    "signing_identity": "the centre's public certificate: no case content",
    "signing_warnings": "whether the CA key is still inside the record: no case content",
}

ALL_OPS = [(OPERATIONS[p], (p,) if not OPERATIONS[p].needs else OPERATIONS[p].needs) for p in PAIRS
           if p in OPERATIONS] + [(op, op.needs) for op in ALSO_GUARDED]
USERS = {**{r: [r] for r in ROLES}, **MULTI_ROLE_USERS}


def expected_allowed(roles, needs) -> bool:
    """A user holds the union of their roles: each grant needed is held by at least one role."""
    return all(any(policy.allowed([r], kind, action) for r in roles) for kind, action in needs)


# --- the record every test starts from ----------------------------------------------------------

@pytest.fixture(scope="module")
def _template_store(tmp_path_factory):
    return {"dir": tmp_path_factory.mktemp("matrix-template") / "centre", "ids": None}


@pytest.fixture
def world(_template_store, tmp_path, _isolated_home):
    """A fresh copy of one prepared record: admin, one user per role, the multi-role users, a
    case with a child (with vulnerability data) and an alleged offender, a spare child, a carer and
    an agency. Built once per module, copied per test."""
    store = _template_store
    src = store["dir"]
    if store["ids"] is None:
        path = src / "record.barnahus"
        create_record(path, "admin", ADMIN_PASSWORD, "Administrator", "Matrix Centre", kdf=FAST_KDF)
        with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
            for name, roles in {**ROLE_USERS, **MULTI_ROLE_USERS}.items():
                s.add_user(name, name.title(), roles, STAFF_PASSWORD)
        with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
            # the first notes reader to unlock: the notes section is created, its recovery key shown
            notes_recovery = s.section_recovery_keys["interview_notes"]
            case = sample_case(s)
            s.update_person(case["child_id"], disability=SEEDED_DISABILITY, terms={"risk_factors": SEEDED_RISK})
            spare = s.create_person(given_name="Spare", family_name="Childsdottir", date_of_birth="2016-02-02",
                                    acknowledge_duplicates=True)
            carer = s.create_person(given_name="Carer", family_name="Parentson", date_of_birth="1985-02-02",
                                    acknowledge_duplicates=True)
            agency = s.create_agency(name="Regional Police", kind="police")
            referral = s.create_referral(case["id"], "out", "child_psychiatry", on="2026-03-10",
                                         due_on="2026-03-20")
            coordinator = s.user_id
            # MDT meetings (remote: the rooms come later): a planned one with the case on its
            # agenda, a held one, an approved one, and an outside contact's team action.
            contact = s.add_staff_contact(agency_id=agency, name="Seeded Officer")
            meeting = s.plan_meeting("case_review", "2026-11-20T09:00", 60, chair_id=coordinator, remote=True,
                                     time_zone="Europe/Stockholm")
            item = s.add_agenda_items(meeting, [(case["id"], "new")])[0]
            held, approved = (s.plan_meeting(kind, start, 60, chair_id=coordinator, remote=True,
                                             time_zone="Europe/Stockholm")
                              for kind, start in (("planning", "2026-11-18T09:00"), ("urgent", "2026-11-16T09:00")))
            s.hold_meeting(held)
            s.hold_meeting(approved)
            s.approve_minutes(approved)
            action = s.add_team_action(case["id"], "Seeded action", "2026-12-20", owner_contact_id=contact)
        with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
            room = s.create_room("Interview room 1", "interview")
            room2 = s.create_room("Interview room 2", "interview")
        (src / "recording.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(range(256)) * 64)
        with open_record(path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF) as s:
            interviewer = s.user_id
            interview = s.plan_interview(case["id"], case["child_id"], "2026-11-02T10:00", 60, room, interviewer,
                                         time_zone="Europe/Stockholm")
            s.set_interview_notes(interview, SEEDED_NOTES)
            recording = s.register_recording(interview, src / "recording.mp4", label="Master")
        with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
            s.add_user("examiner", "Examiner", ["medical"], STAFF_PASSWORD)
        with open_record(path, "examiner", STAFF_PASSWORD, kdf=FAST_KDF) as s:
            # the first medical user to unlock: the medical section is made, sealed to every
            # user it is granted to (the multi-role liaison_medical among them)
            examiner = s.user_id
            exam = dict(examiner_id=examiner, commissioned_by="police", priority="urgent", time_zone="Europe/Stockholm")
            exam_planned = s.plan_examination(case["id"], case["child_id"], "acute_forensic", "2026-11-05T10:00", 60,
                                              **exam)
            exam_held = s.plan_examination(case["id"], case["child_id"], "acute_forensic", "2026-11-06T10:00", 60,
                                           **exam)
            s.hold_examination(exam_held)
            finding = s.add_finding(exam_held, "4.05", "hymen", "Seeded finding")
            s.set_medical_notes(exam_held, "Seeded medical notes", "Seeded statement")
            test = s.order_test(exam_held, "pregnancy", "2026-11-06")
            # a sample and an image of the held examination (medical/evidence.py)
            (src / "image.cr2").write_bytes(b"matrix raw image " * 64)
            sample = s.register_sample(exam_held, kit_id="KIT-MATRIX", sample_type="blood", seal_number="SEAL-M")
            image = s.register_image(exam_held, src / "image.cr2")
        with open_record(path, "therapist", STAFF_PASSWORD, kdf=FAST_KDF) as s:
            # the first therapist to unlock: the therapy section is made, sealed to every user it
            # is granted to (the multi-role coord_therapist and interviewer_therapist among them)
            episode = s.start_episode(case["id"], case["child_id"], "tf_cbt", started_on="2026-09-01")
            session_id = s.record_session(episode, held_on="2026-09-08", status="attended", notes="Seeded session notes")
            goal = s.add_recovery_goal(case["id"], case["child_id"], domain="education", goal="Seeded goal",
                                       review_on="2027-01-15")
            crisis = s.record_crisis_contact(case["id"], case["child_id"], occurred_at="2026-09-09T22:00:00+02:00",
                                             notes="Seeded crisis notes")
            admin = s.record_administration(case["id"], case["child_id"], "CATS-7-17", time_point="baseline",
                                            respondent="child", administered_on="2026-09-01",
                                            answers={f"s{n}": 2 for n in range(1, 21)})
        with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
            s.create_signing_identity(src / "ca.p12", CA_PASSPHRASE)
            # As a record made before the CA key left the record holds it (export_ca_key's case).
            ca_pem, ca_key = pki.load_ca_pkcs12((src / "ca.p12").read_bytes(), CA_PASSPHRASE)
            conn = raw(s)
            conn.execute("UPDATE signing_credentials SET private_key_pem = ? WHERE kind = 'ca'", (ca_key,))
            conn.commit()
            conn.close()
        with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
            document = s.write_case_summary(case["id"], src / "issued.pdf", "pdf")["document_id"]
            # the justice track: a reported proceeding, a sentenced one with a hearing, a claim
            # waiting to be filed and an awarded one
            proceeding = s.open_proceeding(case["id"], case["offender_id"], "criminal")
            s.record_justice_event(proceeding, "reported_to_police", "2026-03-05")
            sentenced = s.open_proceeding(case["id"], case["offender_id"], "criminal")
            s.record_justice_event(sentenced, "reported_to_police", "2026-03-05")
            s.record_justice_event(sentenced, "charge_decision", "2026-03-20", decision="charged",
                                   charges=["rape_child"])
            s.record_justice_event(sentenced, "indictment", "2026-04-01")
            (charge,) = s.justice_summary(case["id"])["proceedings"][1]["charges"]
            s.record_justice_event(sentenced, "verdict", "2026-04-20", charge_id=charge["id"], verdict="convicted")
            s.record_justice_event(sentenced, "sentence", "2026-05-01", release_on="2027-05-01")
            hearing = s.schedule_hearing(sentenced, "2027-01-10")
            awarded_claim = s.open_claim(case["id"], "criminal_case", "child", currency="SEK", amount_claimed=50_000)
            s.record_rights_explained(case["id"], "after_interview", "2026-04-05")
            s.set_claim_status(awarded_claim, "filed", "2026-04-06")
            s.set_claim_status(awarded_claim, "awarded", "2026-05-01", amount=50_000)
            claim = s.open_claim(case["id"], "state_fund", "child", currency="SEK")
        store["ids"] = {"case_id": case["id"], "reference": case["reference"], "child_id": case["child_id"],
                        "offender_id": case["offender_id"], "spare_id": spare, "carer_id": carer,
                        "agency_id": agency, "room_id": room, "room2_id": room2, "interviewer_id": interviewer,
                        "interview_id": interview, "recording_id": recording, "document_id": document,
                        "pkcs12": _pkcs12(), "notes_recovery": notes_recovery, "referral_id": referral,
                        "coordinator_id": coordinator,
                        "contact_id": contact, "meeting_id": meeting, "item_id": item, "held_id": held,
                        "approved_id": approved, "action_id": action, "examiner_id": examiner,
                        "exam_planned": exam_planned, "exam_held": exam_held, "sample_id": sample, "image_id": image, "finding_id": finding, "test_id": test,
                        "episode_id": episode, "session_id": session_id, "goal_id": goal,
                        "admin_id": admin, "crisis_id": crisis, "proceeding_id": proceeding, "sentenced_id": sentenced,
                        "hearing_id": hearing, "claim_id": claim, "awarded_claim_id": awarded_claim}
    dst = tmp_path / "centre"
    copy_record_folder(src, dst)
    return dst / "record.barnahus", dict(store["ids"], recording_file=dst / "recording.mp4")


def audit_rows(session) -> list[tuple]:
    conn = raw(session)
    try:
        return conn.execute("SELECT id, at_utc, user_id, username, action, subject_kind, subject_id, "
                            "detail, prev_hash, entry_hash FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def data_rows(session) -> dict:
    """Every row of every table but the audit trail (the search index included)."""
    conn = raw(session)
    try:
        tables = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        conn.close()


def files(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


def run_and_judge(path: Path, ids: dict, username: str, roles: list[str], op: Op, needs) -> None:
    s = login(path, username)
    try:
        assert sorted(s.roles) == sorted(roles)
        before_audit, before_data, before_files = audit_rows(s), data_rows(s), files(path.parent)
        allowed = expected_allowed(roles, needs)
        if op.filter_of and expected_allowed(roles, needs[:1]):
            # The call itself is allowed (person.read); the vulnerability part is shown or left out.
            result = op(s, ids)
            present = [k for k in op.filter_of if k in result]
            seeded = SEEDED_NOTES if op.filter_of == ("notes",) else SEEDED_DISABILITY
            if allowed:
                assert present == list(op.filter_of)
                assert seeded in repr(result)
                if "terms" in op.filter_of:
                    assert result["terms"]["risk_factors"] == SEEDED_RISK
            else:
                assert present == [], f"{username} sees {present} without {needs[-1]}"
                assert seeded not in repr(result)
            return
        if allowed:
            op(s, ids)
            new = audit_rows(s)[len(before_audit):]
            assert audit_rows(s)[:len(before_audit)] == before_audit, "earlier audit entries changed"
            mine = [e for e in new if e[2] == s.user_id and e[3] == s.username]
            assert mine, f"{op.name} by {username} wrote no audit entry naming the user"
            assert op.audit_action in {e[4] for e in mine}, (op.audit_action, [e[4] for e in mine])
        else:
            with pytest.raises(PermissionDenied):
                op(s, ids)
            assert audit_rows(s) == before_audit, "a refused call changed the audit trail"
            assert data_rows(s) == before_data, "a refused call changed data"
            assert files(path.parent) == before_files, "a refused call changed a file"
    finally:
        s.close()


def _params():
    out = []
    for username, roles in USERS.items():
        for op, needs in ALL_OPS:
            label = "+".join(f"{k}.{a}" for k, a in needs)
            out.append(pytest.param(username, roles, op, needs, id=f"{username}-{label}-{op.name}"))
    return out


# --- the table itself -----------------------------------------------------------------------------

# Who may do what, written out by hand from DOMAIN.md ("Who uses the record") and the reasons in
# policy.py's docstring. It is compared with policy.POLICY, never derived from it: a change to who
# may see what is a deliberate edit in two places (here and policy.py), with the reason in the commit.
EXPECTED_POLICY = {
    "coordinator": {
        "case": {"read", "create", "update", "export"},
        "person": {"read", "create", "update"},
        "vulnerability": {"read", "update"},
        "agency": {"read", "create", "update"},
        "audit": {"read", "export"},
        "user": {"read"},
        "followup": {"read", "create", "update"},
        "room": {"read"},
        "interview": {"read", "create", "update", "export"},
        "interview_notes": {"read"},
        "recording": {"read"},
        "meeting": {"read", "create", "update", "approve", "export"},   # chairs, minutes, approves
        "referral": {"read", "create", "update"},
        "examination": {"read", "create", "update"},   # plans examinations; never the medical detail
        "psychosocial": {"read"},        # episodes, attendance, bands: never answers, notes or scores
        "recovery_plan": {"create", "update"},   # the case lead plans recovery with the team
        "justice": {"read", "create", "update"},   # the case lead follows the justice track too
    },
    "interviewer": {
        "case": {"read"},
        "person": {"read", "update"},
        "vulnerability": {"read"},
        "agency": {"read"},
        "user": {"read"},
        "followup": {"read", "update"},
        "room": {"read"},
        "interview": {"read", "create", "update", "export"},
        "interview_notes": {"read", "update"},
        "recording": {"read", "create", "update", "amend"},   # who registers corrects a label
        "meeting": {"read"},        # the items of the cases they work on
        "referral": {"read"},
        "examination": {"read"},
        "psychosocial": {"read"},   # whether the child is in treatment, how they are (bands)
    },
    "medical": {  # no interview notes, no recordings: medical staff have no need
        "case": {"read"},
        "person": {"read"},
        "vulnerability": {"read"},
        "agency": {"read"},
        "user": {"read"},
        "followup": {"read", "update"},
        "room": {"read"},
        "interview": {"read", "export"},
        "meeting": {"read"},
        "referral": {"read", "create", "update"},   # to a medical specialist
        "examination": {"read", "create", "update"},
        "medical": {"read", "update", "review", "release"},   # the detail: medical staff only
        "psychosocial": {"read"},
    },
    "therapist": {  # no interview notes, no recordings: therapists have no need
        "case": {"read"},
        "person": {"read"},
        "vulnerability": {"read", "update"},
        "agency": {"read"},
        "user": {"read"},
        "followup": {"read", "update"},
        "room": {"read"},
        "interview": {"read", "export"},
        "meeting": {"read"},
        "referral": {"read", "create", "update"},   # to child psychiatry, therapy elsewhere
        "examination": {"read"},
        "psychosocial": {"read", "create", "update"},
        "recovery_plan": {"create", "update"},
        "therapy": {"read", "update"},   # answers, session and crisis notes, scores: therapists only
    },
    "liaison": {  # reads and receives; records only the justice track
        "case": {"read", "export"},
        "person": {"read"},
        "agency": {"read"},
        "user": {"read"},
        "followup": {"read"},
        "room": {"read"},
        "interview": {"read", "export"},
        "interview_notes": {"read"},
        "recording": {"read"},
        "meeting": {"read"},        # police and prosecution sit at the table
        "referral": {"read"},
        "examination": {"read"},    # e.g. that samples were handed to the police
        "justice": {"read", "create", "update"},   # follows the case through police, prosecution, court
    },
    "admin": {  # users, keys, backups, settings, rooms: no case content
        "room": {"read", "create", "update"},
        "agency": {"read", "create", "update"},
        "audit": {"read", "export"},
        "user": {"read", "create", "update"},
        "record": {"rotate_key", "split_key", "backup", "settings"},
    },
}
# The roles that must never see an interviewer's notes, by name (checked against the table above).
NOT_NOTES_READERS = ("medical", "therapist", "admin")
# The roles that must never see the medical detail (DOMAIN.md), by name.
NOT_MEDICAL_READERS = ("coordinator", "interviewer", "therapist", "liaison", "admin")
# The roles that must never see the therapy detail (DOMAIN.md), by name; and those that do not
# read even the psychosocial coordination facts (the liaison: "medical and therapy detail").
NOT_THERAPY_READERS = ("coordinator", "interviewer", "medical", "liaison", "admin")
NOT_PSYCHOSOCIAL_READERS = ("liaison", "admin")
JUSTICE_READERS = ("coordinator", "liaison")   # issue #16: others read the summary line only


def test_the_policy_table_is_exactly_the_one_written_here():
    actual = {role.value: {kind: set(actions) for kind, actions in grants.items() if actions}
              for role, grants in policy.POLICY.items()}
    for role in EXPECTED_POLICY:
        assert actual.get(role) == EXPECTED_POLICY[role], role
    assert actual == EXPECTED_POLICY


def test_the_roles_without_interview_notes_are_the_ones_named():
    assert tuple(r for r, grants in EXPECTED_POLICY.items()
                 if "read" not in grants.get("interview_notes", ())) == NOT_NOTES_READERS


def test_the_roles_without_the_medical_detail_are_the_ones_named():
    assert tuple(r for r, grants in EXPECTED_POLICY.items()
                 if not grants.get("medical")) == NOT_MEDICAL_READERS
    assert policy.SECTIONS["medical"] == ("medical", "read") and "medical" not in policy.SECTIONS_ALSO


def test_the_roles_without_the_therapy_detail_are_the_ones_named():
    assert tuple(r for r, grants in EXPECTED_POLICY.items() if not grants.get("therapy")) == NOT_THERAPY_READERS
    assert tuple(r for r, grants in EXPECTED_POLICY.items()
                 if "read" not in grants.get("psychosocial", ())) == NOT_PSYCHOSOCIAL_READERS
    assert policy.SECTIONS["therapy"] == ("therapy", "read") and "therapy" not in policy.SECTIONS_ALSO


def test_the_justice_track_is_read_by_the_case_lead_and_the_liaison_only():
    assert tuple(r for r, grants in EXPECTED_POLICY.items() if "read" in grants.get("justice", ())) == JUSTICE_READERS


def test_operations_cover_every_pair():
    assert set(OPERATIONS) == set(PAIRS), (
        f"pairs without an operation: {sorted(set(PAIRS) - set(OPERATIONS))}; "
        f"operations for no pair: {sorted(set(OPERATIONS) - set(PAIRS))}")


def test_every_public_method_is_classified():
    public = {n for n, v in inspect.getmembers(Session, inspect.isfunction) if not n.startswith("_")}
    named = {re.match(r"\w+", op.name).group(0) for op, _ in ALL_OPS } | set(UNGUARDED)
    assert public - named == set(), "public Session methods missing from the matrix (or UNGUARDED)"
    assert named - public == set(), "the matrix names methods Session no longer has"


def test_the_policy_table_names_only_known_roles_kinds_and_actions():
    assert set(policy.POLICY) == set(policy.Role)
    for role, grants in policy.POLICY.items():
        for kind, actions in grants.items():
            assert kind in policy.ACTIONS, (role, kind)
            assert set(actions) <= set(policy.ACTIONS[kind]), (role, kind)
    with pytest.raises(ValueError):
        policy.allowed(["coordinator"], "case", "delete")
    with pytest.raises(ValueError):
        policy.allowed(["coordinator"], "no_such_kind", "read")


# --- the matrix -----------------------------------------------------------------------------------

@pytest.mark.parametrize("username,roles,op,needs", _params())
def test_matrix(world, username, roles, op, needs):
    path, ids = world
    run_and_judge(path, ids, username, roles, op, needs)


@pytest.mark.parametrize("username", ["admin", "liaison", "medical"])
def test_an_empty_person_update_still_needs_the_grant(world, username):
    path, ids = world
    s = login(path, username)
    try:
        before = audit_rows(s)
        with pytest.raises(PermissionDenied):
            s.update_person(ids["child_id"])
        assert audit_rows(s) == before
    finally:
        s.close()


# --- unions and the DOMAIN rules ------------------------------------------------------------------

@pytest.mark.parametrize("a,b", list(combinations(ROLES, 2)))
def test_a_user_with_two_roles_holds_the_union(a, b):
    for kind, action in PAIRS:
        assert policy.allowed([a, b], kind, action) == (
            action in policy.POLICY[policy.Role(a)].get(kind, ())
            or action in policy.POLICY[policy.Role(b)].get(kind, ())), (a, b, kind, action)
    assert not any(policy.allowed([], k, a) for k, a in PAIRS)


def test_multi_role_users_really_combine_grants():
    """The multi-role users of the matrix can do something none of their roles alone could."""
    combined = [(u, op.name) for u, roles in MULTI_ROLE_USERS.items() for op, needs in ALL_OPS
                if expected_allowed(roles, needs) and not any(expected_allowed([r], needs) for r in roles)]
    assert combined, "no operation needs two roles' grants together: the union is not exercised"


CONTENT_KINDS = ("case", "person", "vulnerability")


def test_admin_holds_no_case_or_person_content_grant():
    """DOMAIN: the administrator manages users, keys, backups and settings, not case content."""
    for kind in CONTENT_KINDS:
        for action in policy.ACTIONS[kind]:
            assert not policy.allowed(["admin"], kind, action), (kind, action)


def test_admin_can_read_no_case_or_person_content(world):
    path, ids = world
    content_ops = [op for op, needs in ALL_OPS if op.call and any(k in CONTENT_KINDS for k, _ in needs)]
    assert len(content_ops) >= 10
    s = login(path, "admin")
    try:
        for op in content_ops:
            with pytest.raises(PermissionDenied):
                op(s, ids)
        # What admin may read (users, agencies, the audit trail) carries no case content either.
        seen = repr([s.list_users(), s.list_agencies(), s.audit_entries(), s.export_case_audit(ids["case_id"]),
                     s.record_info(), s.drafts()])
        for word in ("Testa", "Exampledottir", "Exampleson", SEEDED_DISABILITY, "2014-05-06", "poverty",
                     "Spare", "Childsdottir", "alleged offender"):
            assert word not in seen, word
    finally:
        s.close()


LIAISON_RECORDS = ("justice",)   # the one kind the liaison writes: the justice track (issue #16)


def test_liaison_can_update_nothing_but_the_justice_track():
    """DOMAIN: police / prosecution liaison reads case status and receives exported bundles; the
    justice track (proceedings, hearings, compensation) is theirs to record."""
    for kind, actions in policy.ACTIONS.items():
        if "update" in actions and kind not in LIAISON_RECORDS:
            assert not policy.allowed(["liaison"], kind, "update"), kind
    writes = [(k, a) for k, a in PAIRS if a not in ("read", "export")]
    assert [p for p in writes if policy.allowed(["liaison"], *p)] == [("justice", "create"), ("justice", "update")]


def test_liaison_calls_that_change_anything_are_refused(world):
    path, ids = world
    changing = [op for op, needs in ALL_OPS
                if op.call and any(a not in ("read", "export") and k not in LIAISON_RECORDS for k, a in needs)]
    assert len(changing) >= 15
    s = login(path, "liaison")
    try:
        before = (audit_rows(s), data_rows(s))
        for op in changing:
            with pytest.raises(PermissionDenied):
                op(s, ids)
        assert (audit_rows(s), data_rows(s)) == before
    finally:
        s.close()


# --- the interviewer's notes reach no one else -----------------------------------------------------

NOTES_CANARY = "Kanarifågel-4417 said the red door was locked"


def _literally_allowed(role: str, needs) -> bool:
    return all(action in EXPECTED_POLICY[role].get(kind, ()) for kind, action in needs)


def _reads(role: str) -> list[Op]:
    """Every call that reads or exports (nothing else) and that EXPECTED_POLICY lets the role make."""
    return [op for op, needs in ALL_OPS
            if op.call and all(a in ("read", "export") for _, a in needs) and _literally_allowed(role, needs)]


@pytest.mark.parametrize("role", NOT_NOTES_READERS)
def test_the_interview_notes_appear_in_no_view_of_a_role_that_may_not_read_them(world, role):
    path, ids = world
    with login(path, "interviewer") as s:
        s.set_interview_notes(ids["interview_id"], NOTES_CANARY)
        assert NOTES_CANARY in repr(s.get_interview(ids["interview_id"]))  # the canary is there to be found
    reads = _reads(role)
    assert len(reads) >= {"medical": 20, "therapist": 20, "admin": 5}[role], [op.name for op in reads]
    seen = []
    s = login(path, role)
    try:
        for op in reads:
            seen.append((op.name, repr(op(s, ids))))
        seen += [(name, repr(getattr(s, name)())) for name in
                 ("record_info", "drafts", "check", "audit_head", "signing_identity")]
        if _literally_allowed(role, [("case", "read")]):
            # a word only the notes hold finds no case: the search index does not hold them either
            found = s.list_cases(CaseFilter(text="Kanarifågel"))
            assert found.total == 0 and found.rows == [], found
    finally:
        s.close()
    assert [name for name, text in seen if "Kanarif" in text or "red door" in text] == []
    written = [p for p in path.parent.parent.rglob("*") if p.is_file() and b"Kanarif" in p.read_bytes()]
    assert written == []
