"""Recordings of interviews, their chain of custody and fixity checks (Session mixin).

The bytes stay where the centre keeps evidence; the record holds their metadata and the SHA-256
taken when the file was registered, which nothing can change afterwards (a trigger refuses it).
Every custody event (acquired, copied to, handed to police, prosecution or court, viewed,
returned, destroyed, fixity results) says who, when, where and why, is append-only, and is also
an audit entry. A fixity check re-hashes a copy where it is kept and compares: a mismatch or a
missing file is a loud custody event and a status on the recording, never a new hash.

The chain of custody is one log for every evidence item (custody_events: a recording, a forensic
sample or a medical image, exactly one per event). Its rules are here, once: which events a user
records by hand on each kind of item (ITEM_EVENTS), what each needs (check_custody_event), the
insert (insert_custody_event, refused once the item was destroyed), the log (custody_rows) and
a fixity result (record_fixity). The medical feature's samples and images use these functions.

Hashing a multi-GB file takes minutes, so it happens before the transaction, with progress and
cancel; nothing is written if it is cancelled or fails.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select, update

from barnahus_app import vocab
from barnahus_app.recordings import hashing
from barnahus_app.errors import NotFound, RecordFileError, ValidationError
from barnahus_app.fields import SQLITE_INTEGER_MAX, Text
from barnahus_app.recordings.tables import CustodyEvent, Recording, RecordingLabelAmendment
from barnahus_app.followup.tables import FollowUpRule
from barnahus_app.interviews.tables import Interview
from barnahus_app.users.tables import User
from barnahus_app.timeutil import check_datetime, utc_now_iso
from barnahus_app.followup.actions import clean_rule, insert_rule, reminder_event_in
from barnahus_app.interviews.actions import interview_row
from barnahus_app.session_base import SessionBase

REC = Recording.__table__
CE = CustodyEvent.__table__
LA = RecordingLabelAmendment.__table__
I = Interview.__table__
U = User.__table__
FR = FollowUpRule.__table__

HAND_OVERS = ("handed_to_police", "handed_to_prosecution", "handed_to_court")
# Events a user records by hand on a recording; acquired, copied_to and fixity_* are written by
# the core itself.
MANUAL_EVENTS = HAND_OVERS + ("viewed", "returned", "destroyed")
FIXITY_EVENTS = ("fixity_ok", "fixity_mismatch", "fixity_missing")
# The evidence items of the one custody log: the column naming the item, and the word for it.
ITEM_COLUMNS = {"recording": "recording_id", "sample": "sample_id", "image": "image_id"}
# Events a user records by hand, per kind of item. A sample: collected (at registration), sealed,
# stored, handed to police or sent to a laboratory (only once sealed), received by the
# laboratory, returned, destroyed. An image: every viewing and every release.
ITEM_EVENTS = {
    "recording": MANUAL_EVENTS,
    "sample": ("sealed", "stored", "handed_to_police", "sent_to_lab", "received_by_lab", "returned", "destroyed"),
    "image": ("viewed", "released"),
}
# Events that give the item to someone: they name the receiver and the receipt.
RECEIVED = HAND_OVERS + ("sent_to_lab", "received_by_lab", "released")
EVENT_LABELS = {
    "acquired": "Acquired", "copied_to": "Copied to", "handed_to_police": "Handed to police",
    "handed_to_prosecution": "Handed to prosecution", "handed_to_court": "Handed to court",
    "viewed": "Viewed by", "returned": "Returned", "destroyed": "Destroyed",
    "fixity_ok": "Fixity check: unaltered", "fixity_mismatch": "FIXITY CHECK FAILED: contents differ",
    "fixity_missing": "FIXITY CHECK FAILED: file not found",
    "collected": "Collected", "sealed": "Sealed", "stored": "Stored", "sent_to_lab": "Sent to the laboratory",
    "received_by_lab": "Received by the laboratory", "released": "Released to",
}
_TEXT = {
    "label": Text(200, required=True), "storage_location": Text(2000, required=True),
    "capture_device": Text(200), "actor": Text(200), "location": Text(2000, multiline=True),
    "purpose": Text(2000, multiline=True), "counterpart": Text(200), "receipt": Text(2000, multiline=True),
    "order_reference": Text(2000, multiline=True), "container": Text(32), "media_format": Text(200),
    "seal_number": Text(100),
}


@dataclass(frozen=True)
class FixityResult:
    """A fixity check of a recording or of a medical image (medical.evidence)."""
    evidence_id: int         # the recording's or the image's id
    ok: bool
    status: str              # ok | mismatch | missing
    expected_sha256: str
    computed_sha256: str | None
    checked_path: str
    event_id: int


class RecordingActions(SessionBase):
    # --- registering ---------------------------------------------------------------------------
    def register_recording(self, interview_id: int, path, *, label: str, storage_location: str | None = None,
                           copy_kind: str = "master", master_id: int | None = None,
                           capture_device: str | None = None, acquired_at=None, purpose: str | None = None,
                           location: str | None = None, progress=None, cancel=None) -> int:
        """Hash the file at path (streamed; progress(done, total), cancel() -> True stops) and
        register it with its size, container, format and cheaply-read duration. storage_location
        is where the evidence is kept (a path, or the label of a removable drive; default: path).
        A working copy names its master: if the bytes are identical this is a 'copied to' event
        on the master; if they differ (a redacted or transcoded copy) purpose must say what was
        done, so a third party can repeat it."""
        self._authorize("recording", "create")
        if copy_kind not in ("master", "working"):
            raise ValidationError("copy_kind", "is master or working.")
        if copy_kind == "working" and not master_id:
            raise ValidationError("master_id", "A working copy names the master it was made from.")
        if copy_kind == "master" and master_id:
            raise ValidationError("master_id", "A master is not a copy of another recording.")
        path = Path(os.fspath(path))
        texts = _texts(label=label, storage_location=storage_location or str(path),
                       capture_device=capture_device, purpose=purpose, location=location)
        acquired = check_datetime("acquired_at", acquired_at) or utc_now_iso()
        if acquired > utc_now_iso():   # the 'acquired' custody event, like every other, is not in the future
            raise ValidationError("acquired_at", "A recording cannot have been acquired in the future.")
        with self.record.engine.connect() as conn:  # fail fast, before minutes of hashing
            interview_row(conn, interview_id)
            if master_id:
                _require_recording(conn, master_id)
        if not path.is_file():
            raise RecordFileError(f"There is no file at {path}.")
        from barnahus_app.recordings import media_probe
        try:
            info = media_probe.probe(path)
        except OSError as e:
            raise RecordFileError(f"The file {path} cannot be read: {e.strerror or e}.") from None
        sha, size = hashing.sha256_file(path, progress, cancel)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            interview_row(conn, interview_id)
            master = _require_recording(conn, master_id) if master_id else None
            if master is not None and master.interview_id != interview_id:
                raise ValidationError("master_id", "The master belongs to another interview.")
            identical = master is not None and master.sha256 == sha
            if master is not None and not identical and not texts["purpose"]:
                raise ValidationError("purpose", "This copy differs from its master: describe what was done to it "
                                                 "(for example redaction or conversion) so it can be repeated.")
            rid = conn.execute(insert(REC).values(
                interview_id=interview_id, copy_kind=copy_kind, master_id=master_id, label=texts["label"],
                file_name=path.name[:400], storage_location=texts["storage_location"], sha256=sha,
                size_bytes=size, container=info.container, media_format=info.media_format,
                duration_ms=info.duration_ms, capture_device=texts["capture_device"],
                acquired_at_utc=acquired, fixity_status="unchecked", registered_by=self.user_id,
                registered_at=now)).inserted_primary_key[0]
            insert_custody_event(
                self, conn, "recording", rid, "acquired", acquired,
                location=texts["location"] or texts["storage_location"], computed_sha256=sha,
                purpose=texts["purpose"] or ("Registered from the recording equipment" if not master
                                             else "Working copy"))
            if master is not None:
                insert_custody_event(self, conn, "recording", master.id, "copied_to", now,
                                     location=texts["storage_location"], copy_id=rid, computed_sha256=sha,
                                     purpose=texts["purpose"] or "Bit-identical copy")
            case_id = conn.execute(select(I.c.case_id).where(I.c.id == interview_id)).scalar()
            self._audit(conn, "recording.registered", "case", case_id,
                        {"recording": rid, "interview": interview_id, "copy_kind": copy_kind,
                         "identical_to_master": identical if master is not None else None})
        return rid

    # --- custody -------------------------------------------------------------------------------
    def add_custody_event(self, recording_id: int, event: str, *, occurred_at=None, actor: str | None = None,
                          location: str | None = None, purpose: str | None = None,
                          counterpart: str | None = None, receipt: str | None = None,
                          order_reference: str | None = None) -> int:
        """Record a hand-over, a viewing, a return or a destruction. Who did it (actor, default
        the user), when (default now), where and why. Hand-overs name the receiver and their
        receipt; a destruction needs the order that allowed it."""
        self._authorize("recording", "update")
        when, fields = check_custody_event("recording", event, occurred_at=occurred_at, actor=actor,
                                           location=location, purpose=purpose, counterpart=counterpart,
                                           receipt=receipt, order_reference=order_reference)
        with self.record.transaction() as conn:
            row = _require_recording(conn, recording_id)
            eid = insert_custody_event(self, conn, "recording", recording_id, event, when, **fields)
            if event == "destroyed":
                conn.execute(update(REC).where(REC.c.id == recording_id).values(fixity_status="destroyed"))
            self._audit(conn, f"recording.{event}", "case", _case_of(conn, row),
                        {"recording": recording_id, "event": eid})
        return eid

    def correct_recording_label(self, recording_id: int, label: str, reason: str) -> int:
        """Correct a recording's label ("tMaster recording" -> "Master recording"): an amendment
        with the label before and after, who, when and why, append-only beside the original;
        the recording shows the new label. The hash and size stay as registered. Audited
        without the labels or the reason."""
        self._authorize("recording", "amend")
        label = _TEXT["label"].clean("label", label)
        reason = Text(2000, required=True, multiline=True).clean("reason", reason)
        with self.record.transaction() as conn:
            row = _require_recording(conn, recording_id)
            if label == row.label:
                raise ValidationError("label", "This is the label already: write the corrected one.")
            aid = conn.execute(insert(LA).values(
                recording_id=recording_id, old_label=row.label, new_label=label, reason=reason,
                by_user=self.user_id, at_utc=utc_now_iso())).inserted_primary_key[0]
            conn.execute(update(REC).where(REC.c.id == recording_id).values(label=label))
            self._audit(conn, "recording.label_corrected", "case", _case_of(conn, row),
                        {"recording": recording_id, "amendment": aid})
        return aid

    def custody_log(self, recording_id: int) -> list[dict]:
        self._authorize("recording", "read")
        with self.record.transaction() as conn:
            row = _require_recording(conn, recording_id)
            out = custody_rows(conn, recording_id)
            self._audit(conn, "recording.custody_read", "case", _case_of(conn, row), {"recording": recording_id})
        return out

    # --- fixity --------------------------------------------------------------------------------
    def check_fixity(self, recording_id: int, path=None, progress=None, cancel=None) -> FixityResult:
        """Re-hash the copy at path (default: its storage location) and compare with the hash
        taken at registration. The result is a custody event; a mismatch or a missing file marks
        the recording and is audited as an alarm. A due fixity-check reminder is completed."""
        self._authorize("recording", "update")
        with self.record.engine.connect() as conn:
            row = _require_recording(conn, recording_id)
        if row.fixity_status == "destroyed":
            raise ValidationError("recording", "This recording was destroyed; there is nothing to check.")
        target = Path(os.fspath(path) if path is not None else row.storage_location)
        status, computed = fixity_of(target, row.sha256, progress, cancel)
        with self.record.transaction() as conn:
            eid = record_fixity(self, conn, row, status, computed, str(target), "Fixity check")
            if status == "ok":
                self._complete_fixity_reminders(conn, recording_id)
        return FixityResult(recording_id, status == "ok", status, row.sha256, computed, str(target), eid)

    def schedule_fixity_checks(self, recording_id: int, interval_months: int = 12,
                               first_due: date | None = None) -> int:
        """Periodic fixity checks as a follow-up rule of the interviewer discipline (the Today
        view shows them). Never expires."""
        self._authorize("recording", "update")
        with self.record.transaction() as conn:
            row = _require_recording(conn, recording_id)
            iv = conn.execute(select(I.c.case_id, I.c.child_person_id).where(I.c.id == row.interview_id)).first()
            values = clean_rule("fixity_check", dict(
                due_on=first_due, interval_months=interval_months, discipline="interviewer",
                subject_kind="recording", subject_id=recording_id), new=True)
            rid = insert_rule(self, conn, iv.child_person_id, iv.case_id, "fixity_check", values)
            self._audit(conn, "recording.fixity_scheduled", "case", iv.case_id,
                        {"recording": recording_id, "rule": rid})
        return rid

    # --- reading -------------------------------------------------------------------------------
    def interview_recordings(self, interview_id: int) -> list[dict]:
        self._authorize("recording", "read")
        with self.record.transaction() as conn:
            iv = interview_row(conn, interview_id)
            rows = [dict(r._mapping) for r in conn.execute(
                select(REC).where(REC.c.interview_id == interview_id).order_by(REC.c.id))]
            for r in rows:
                r["custody"] = custody_rows(conn, r["id"])
                r["label_amendments"] = label_amendments(conn, r["id"])
            self._audit(conn, "recording.list", "case", iv.case_id, {"interview": interview_id})
        return rows

    # --- internals -----------------------------------------------------------------------------

    def _complete_fixity_reminders(self, conn, recording_id: int) -> None:
        from barnahus_app.followup.actions import local_today, recompute
        today = local_today()
        for rule in conn.execute(select(FR).where(FR.c.kind == "fixity_check", FR.c.subject_kind == "recording",
                                                  FR.c.subject_id == recording_id)).all():
            status, pending = recompute(conn, FR.c.id == rule.id)[rule.id]
            due = [k for k, d, _f in pending if d <= today]
            if due:
                reminder_event_in(self, conn, rule, "completed", due[0], today.isoformat(), None,
                                  "Fixity check: unaltered")


def check_custody_event(kind: str, event: str, *, occurred_at=None, actor=None, location=None, purpose=None,
                        counterpart=None, receipt=None, order_reference=None, legal_basis=None,
                        seal_number=None) -> tuple[str, dict]:
    """(when, fields) of a custody event a user records by hand on an item of this kind, checked
    before any transaction: who did it (actor, default the user), when (default now, never in
    the future), where (always) and why. What gives the item to someone names the receiver
    (counterpart) and the receipt; a release also its legal basis; a viewing says why; a
    destruction needs the order that allowed it; a seal its number."""
    if event not in ITEM_EVENTS[kind]:
        raise ValidationError("event", f"use one of {', '.join(ITEM_EVENTS[kind])}.")
    fields = _texts(actor=actor, location=location, purpose=purpose, counterpart=counterpart,
                    receipt=receipt, order_reference=order_reference, seal_number=seal_number)
    when = check_datetime("occurred_at", occurred_at) or utc_now_iso()
    if when > utc_now_iso():
        raise ValidationError("occurred_at", "A custody event cannot be in the future.")
    if event in RECEIVED:
        if not fields["counterpart"]:
            raise ValidationError("counterpart", "Name who received it." if event != "released"
                                  else "Name who asked for it (the requester).")
        if not fields["receipt"]:
            raise ValidationError("receipt", "Give the receipt details (number, signature, date).")
    if event == "released":
        fields["legal_basis"] = vocab.check_code("sharing_legal_bases", "legal_basis", legal_basis, required=True)
    elif legal_basis not in (None, ""):
        raise ValidationError("legal_basis", "is given for a release only.")
    if event == "sealed" and not fields["seal_number"]:
        raise ValidationError("seal_number", "Give the number on the seal.")
    if event != "sealed" and fields["seal_number"]:
        raise ValidationError("seal_number", "is given when the item is sealed.")
    if event == "destroyed" and not fields["order_reference"]:
        raise ValidationError("order_reference", f"A {kind} is destroyed only on an order: give its reference.")
    if event == "viewed" and not fields["purpose"]:
        raise ValidationError("purpose", "Say why it was viewed.")
    if not fields["location"]:
        raise ValidationError("location", "Say where this happened.")
    return when, fields


def insert_custody_event(session, conn, kind: str, item_id: int, event: str, when: str, *, actor=None,
                         location=None, purpose=None, counterpart=None, receipt=None, order_reference=None,
                         copy_id=None, computed_sha256=None, legal_basis=None, seal_number=None) -> int:
    """A custody event of the item (kind: recording | sample | image) in the caller's transaction.
    Refused once the item was destroyed: its chain of custody is closed."""
    column = CE.c[ITEM_COLUMNS[kind]]
    if conn.execute(select(CE.c.id).where(column == item_id, CE.c.event == "destroyed")).first():
        raise ValidationError("event", f"This {kind} was destroyed; its chain of custody is closed.")
    return conn.execute(insert(CE).values(
        **{ITEM_COLUMNS[kind]: item_id}, event=event, occurred_at_utc=when, actor=actor or session.display_name,
        location=location, purpose=purpose, counterpart=counterpart, receipt=receipt,
        order_reference=order_reference, copy_id=copy_id, computed_sha256=computed_sha256,
        legal_basis=legal_basis, seal_number=seal_number, by_user=session.user_id,
        recorded_at=utc_now_iso())).inserted_primary_key[0]


def fixity_of(path, expected_sha256: str, progress=None, cancel=None) -> tuple[str, str | None]:
    """(status, computed SHA-256) of the copy at path against the registered hash: ok, mismatch,
    or missing (no file there, computed None). Hashing happens outside any transaction."""
    target = Path(os.fspath(path))
    if not target.is_file():
        return "missing", None
    computed, _size = hashing.sha256_file(target, progress, cancel)
    return ("ok" if computed == expected_sha256 else "mismatch"), computed


def record_fixity(session, conn, row, status: str, computed: str | None, location: str | None, purpose: str,
                  extra: dict | None = None, *, kind: str = "recording", table=REC, case_id: int | None = None,
                  audit_as: tuple[str, str] = ("recording.fixity_ok", "recording.FIXITY_ALARM")) -> int:
    """A fixity result (ok | mismatch | missing) of the item row (a recording unless kind and
    table say otherwise: an image), in the caller's transaction: a custody event, the item's
    status, and an audit entry (audit_as: the ok action, the alarm otherwise). The stored hash is
    never touched. Also what a bundle export writes when a copy differs."""
    now = utc_now_iso()
    eid = insert_custody_event(session, conn, kind, row.id, f"fixity_{status}", now, location=location,
                               purpose=purpose, computed_sha256=computed)
    conn.execute(update(table).where(table.c.id == row.id).values(fixity_status=status, fixity_checked_at=now))
    session._audit(conn, audit_as[0] if status == "ok" else audit_as[1], "case",
                   _case_of(conn, row) if case_id is None else case_id,
                   {kind: row.id, "event": eid, "result": status, **(extra or {})})
    return eid


def _case_of(conn, recording_row) -> int:
    return conn.execute(select(I.c.case_id).where(I.c.id == recording_row.interview_id)).scalar()


def _require_recording(conn, recording_id: int):
    if not isinstance(recording_id, int) or not 1 <= recording_id <= SQLITE_INTEGER_MAX:
        raise NotFound(f"There is no recording {recording_id}.")
    row = conn.execute(select(REC).where(REC.c.id == recording_id)).first()
    if row is None:
        raise NotFound(f"There is no recording {recording_id}.")
    return row


def _texts(**values) -> dict:
    return {k: _TEXT[k].clean(k, v) for k, v in values.items()}


def custody_rows(conn, item_id: int, kind: str = "recording") -> list[dict]:
    """The chain of custody of one item (kind: recording | sample | image), in the order it
    happened, each with its label and the recording user's name."""
    rows = conn.execute(select(CE, U.c.display_name.label("recorded_by_name")).join(U, U.c.id == CE.c.by_user)
                        .where(CE.c[ITEM_COLUMNS[kind]] == item_id)
                        .order_by(CE.c.occurred_at_utc, CE.c.id)).all()
    return [dict(r._mapping, label=EVENT_LABELS[r.event]) for r in rows]


def label_amendments(conn, recording_id: int) -> list[dict]:
    """The corrections of a recording's label, oldest first: old_label of the first is the label
    it was registered with; each with reason, by_user, by_name and at_utc."""
    rows = conn.execute(select(LA, U.c.display_name.label("by_name")).join(U, U.c.id == LA.c.by_user)
                        .where(LA.c.recording_id == recording_id).order_by(LA.c.id)).all()
    return [dict(r._mapping) for r in rows]
