"""Forensic samples and photo documentation of medical examinations (Session mixin).

Both are evidence items of the one chain of custody (custody_events; its rules are
recordings.actions' check_custody_event, insert_custody_event and custody_rows), and both keep
their detail in the sealed section "medical" (record/sections.py), which only medical staff hold.

Samples: the kit ID and the seal number are plaintext (they are on the police's paperwork); the
type (forensic_sample_types), site (medical_sites), storage and notes are SEALED. Registering a
sample is its "collected" event (and "sealed" when the seal number is known then); by hand:
sealed, stored, handed_to_police or sent_to_lab (only once sealed), received_by_lab (only after it
was sent), returned, destroyed (on an order). Handing a sample to the police sets the
examination's coordination fact samples_handed_to_police, which every case role reads (the
liaison learns it there, never from the sample detail). A "stored" event's place becomes the
sample's storage. No event is dated before the sample was collected.

A custody event is the plaintext log of the record (who, when, where, to or from whom, the
receipt), like a recording's: it names no sample type, site, image file or device, and a
user's words in it (where, why) should not either.

Images: never stored in the record. The SHA-256 and size of the original (the RAW file where there
is one) and of every image derived from another (derived_from, with what was done to it) are
taken at registration and never replaced (a trigger refuses it); the file name, the device and
where it is kept are SEALED, so no image name is in the record the record key opens. Every
viewing (log_image_viewing) and every release (release_image: the requester, the legal basis, the
receipt and the purpose, all required) is a custody event. A fixity check re-hashes the image
where it is kept, as a recording's does.

Session API (each one call: the grant, one transaction, the audit entry with ids only):
  register_sample(examination_id, *, kit_id, sample_type, collected_at=None, site=None,
      seal_number=None, storage=None, notes=None, location=None) -> sample id
  add_sample_event(sample_id, event, *, occurred_at=None, actor=None, location, purpose=None,
      counterpart=None, receipt=None, order_reference=None, seal_number=None) -> event id
  examination_samples(examination_id) -> [{id, examination_id, kit_id, seal_number,
      collected_at_utc, sample_type, site, storage, notes, custody: [...]}]
  register_image(examination_id, path, *, device=None, storage_location=None, derived_from=None,
      derivation=None, progress=None, cancel=None) -> image id
  log_image_viewing(image_id, *, purpose, location, occurred_at=None, actor=None) -> event id
  release_image(image_id, *, requester, legal_basis, receipt, purpose, location,
      occurred_at=None, actor=None) -> event id
  examination_images(examination_id) -> [{id, examination_id, derived_from, sha256, size_bytes,
      fixity_status, fixity_checked_at, file_name, device, storage_location, derivation,
      custody: [...]}]
  check_image_fixity(image_id, path=None, progress=None, cancel=None) -> FixityResult (as a
      recording's check_fixity)
Plain function for the prosecutor bundle: released_images(conn, case_id, purpose).
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import insert, select, update

from barnahus_app import vocab
from barnahus_app.errors import NotFound, RecordFileError, ValidationError
from barnahus_app.fields import SQLITE_INTEGER_MAX, Text
from barnahus_app.medical.actions import SECTION
from barnahus_app.medical.tables import ForensicSample, MedicalExamination, MedicalImage
from barnahus_app.recordings import hashing
from barnahus_app.recordings.actions import (
    FixityResult, check_custody_event, custody_rows, fixity_of, insert_custody_event, record_fixity,
)
from barnahus_app.recordings.tables import CustodyEvent
from barnahus_app.session_base import SessionBase
from barnahus_app.timeutil import check_datetime, utc_now_iso

EX = MedicalExamination.__table__
FS = ForensicSample.__table__
IM = MedicalImage.__table__
CE = CustodyEvent.__table__

# Leaving the centre: only a sealed sample.
LEAVES = ("handed_to_police", "sent_to_lab")
_TEXT = {
    "kit_id": Text(100, required=True), "seal_number": Text(100), "storage": Text(2000, multiline=True),
    "notes": Text(20_000, multiline=True), "location": Text(2000, multiline=True),
    "device": Text(200), "storage_location": Text(2000), "derivation": Text(2000, multiline=True),
}


def _clean(**values) -> dict:
    return {k: _TEXT[k].clean(k, v) for k, v in values.items()}


def _require(conn, table, item_id, word: str):
    if isinstance(item_id, bool) or not isinstance(item_id, int) or not 1 <= item_id <= SQLITE_INTEGER_MAX:
        raise NotFound(f"There is no {word} {item_id}.")
    row = conn.execute(select(table).where(table.c.id == item_id)).first()
    if row is None:
        raise NotFound(f"There is no {word} {item_id}.")
    return row


def _exam(conn, examination_id):
    return _require(conn, EX, examination_id, "medical examination")


def _examined(conn, examination_id):
    """The examination a sample or an image comes from: not one that was cancelled or that the
    child declined (no child is examined by force, so nothing was taken)."""
    exam = _exam(conn, examination_id)
    if exam.status in ("cancelled", "declined"):
        raise ValidationError("examination", f"This examination was {exam.status}: nothing was taken at it.")
    return exam


def _case_of_exam(conn, examination_id: int) -> int:
    return conn.execute(select(EX.c.case_id).where(EX.c.id == examination_id)).scalar()


def _has_event(conn, column, item_id: int, event: str) -> bool:
    return conn.execute(select(CE.c.id).where(column == item_id, CE.c.event == event).limit(1)).first() is not None


class EvidenceActions(SessionBase):
    # --- forensic samples ----------------------------------------------------------------------
    def register_sample(self, examination_id: int, *, kit_id: str, sample_type: str, collected_at=None,
                        site: str | None = None, seal_number: str | None = None, storage: str | None = None,
                        notes: str | None = None, location: str | None = None) -> int:
        """A sample taken at the examination: its "collected" custody event (at collected_at,
        default now; where: location), and "sealed" too when the seal number is given now."""
        self._authorize("medical", "update")
        texts = _clean(kit_id=kit_id, seal_number=seal_number, storage=storage, notes=notes, location=location)
        sample_type = vocab.check_code("forensic_sample_types", "sample_type", sample_type, required=True)
        site = vocab.check_code("medical_sites", "site", site)
        when = check_datetime("collected_at", collected_at) or utc_now_iso()
        if when > utc_now_iso():
            raise ValidationError("collected_at", "A sample cannot have been collected in the future.")
        self.sections.key(SECTION)   # SectionLocked before anything is written
        with self.record.transaction() as conn:
            exam = _examined(conn, examination_id)
            sid = conn.execute(insert(FS).values(
                examination_id=exam.id, kit_id=texts["kit_id"], seal_number=texts["seal_number"],
                collected_at_utc=when, created_by=self.user_id, created_at=utc_now_iso())).inserted_primary_key[0]
            for column, value in (("sample_type", sample_type), ("site", site), ("storage", texts["storage"]),
                                  ("notes", texts["notes"])):
                if value is not None:
                    self.sections.write(conn, SECTION, "forensic_samples", sid, column, value)
            eid = insert_custody_event(self, conn, "sample", sid, "collected", when, location=texts["location"],
                                       purpose="Collected at the medical examination")
            events = [eid]
            if texts["seal_number"]:
                events.append(insert_custody_event(self, conn, "sample", sid, "sealed", when,
                                                   location=texts["location"], seal_number=texts["seal_number"]))
            self._audit(conn, "medical.sample_registered", "case", exam.case_id,
                        {"examination": exam.id, "sample": sid, "events": events})
        return sid

    def add_sample_event(self, sample_id: int, event: str, *, occurred_at=None, actor: str | None = None,
                         location: str | None = None, purpose: str | None = None, counterpart: str | None = None,
                         receipt: str | None = None, order_reference: str | None = None,
                         seal_number: str | None = None) -> int:
        """A link of the sample's chain of custody (recordings.actions.ITEM_EVENTS["sample"]).
        A sample leaves the centre (to the police, to a laboratory) only sealed; the laboratory
        receives only what was sent to it. Sealing sets the sample's seal number, storing its
        (sealed) storage; a hand-over to the police sets the examination's coordination fact."""
        self._authorize("medical", "update")
        when, fields = check_custody_event("sample", event, occurred_at=occurred_at, actor=actor, location=location,
                                           purpose=purpose, counterpart=counterpart, receipt=receipt,
                                           order_reference=order_reference, seal_number=seal_number)
        if event == "stored":
            self.sections.key(SECTION)
        with self.record.transaction() as conn:
            row = _require(conn, FS, sample_id, "sample")
            if row.collected_at_utc and when < row.collected_at_utc:
                raise ValidationError("occurred_at", "This is before the sample was collected.")
            if event in LEAVES and not row.seal_number:
                raise ValidationError("event", "Seal the sample before it leaves the centre (record its seal number).")
            if event == "received_by_lab" and not _has_event(conn, CE.c.sample_id, row.id, "sent_to_lab"):
                raise ValidationError("event", "The laboratory receives a sample only after it was sent there.")
            eid = insert_custody_event(self, conn, "sample", row.id, event, when, **fields)
            if event == "sealed":
                conn.execute(update(FS).where(FS.c.id == row.id).values(seal_number=fields["seal_number"]))
            elif event == "stored":
                self.sections.write(conn, SECTION, "forensic_samples", row.id, "storage", fields["location"])
            elif event == "handed_to_police":
                conn.execute(update(EX).where(EX.c.id == row.examination_id).values(
                    samples_handed_to_police=True, updated_at=utc_now_iso()))
            self._audit(conn, f"medical.sample_{event}", "case", _case_of_exam(conn, row.examination_id),
                        {"examination": row.examination_id, "sample": row.id, "event": eid})
        return eid

    def examination_samples(self, examination_id: int) -> list[dict]:
        """The examination's samples with their sealed detail and chain of custody."""
        self._authorize("medical", "read")
        with self.record.transaction() as conn:
            exam = _exam(conn, examination_id)
            out = []
            for r in conn.execute(select(FS).where(FS.c.examination_id == exam.id).order_by(FS.c.id)):
                d = dict(r._mapping)
                for column in ("sample_type", "site", "storage", "notes"):
                    d[column] = self.sections.read(conn, SECTION, "forensic_samples", r.id, column)
                d["custody"] = custody_rows(conn, r.id, "sample")
                out.append(d)
            self._audit(conn, "medical.samples_read", "case", exam.case_id, {"examination": exam.id})
        return out

    # --- photo documentation -------------------------------------------------------------------
    def register_image(self, examination_id: int, path, *, device: str | None = None,
                       storage_location: str | None = None, derived_from: int | None = None,
                       derivation: str | None = None, progress=None, cancel=None) -> int:
        """Hash the image at path (streamed, before the transaction) and register its SHA-256 and
        size; the file stays where it is kept (storage_location, default path). An image derived
        from another of the same examination (a crop, a colour correction) says what was done."""
        self._authorize("medical", "update")
        path = Path(os.fspath(path))
        texts = _clean(device=device, storage_location=storage_location or str(path), derivation=derivation)
        if derived_from is not None and not texts["derivation"]:
            raise ValidationError("derivation", "Say what was done to the original to make this image.")
        if derived_from is None and texts["derivation"]:
            raise ValidationError("derived_from", "Name the image this one was made from.")
        self.sections.key(SECTION)
        with self.record.engine.connect() as conn:   # fail fast, before hashing
            _examined(conn, examination_id)
            if derived_from is not None:
                _require(conn, IM, derived_from, "image")
        if not path.is_file():
            raise RecordFileError(f"There is no file at {path}.")
        sha, size = hashing.sha256_file(path, progress, cancel)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            exam = _examined(conn, examination_id)
            if derived_from is not None:
                original = _require(conn, IM, derived_from, "image")
                if original.examination_id != exam.id:
                    raise ValidationError("derived_from", "The original belongs to another examination.")
            iid = conn.execute(insert(IM).values(
                examination_id=exam.id, derived_from=derived_from, sha256=sha, size_bytes=size,
                fixity_status="unchecked", registered_by=self.user_id, registered_at=now)).inserted_primary_key[0]
            for column, value in (("file_name", path.name), ("device", texts["device"]),
                                  ("storage_location", texts["storage_location"]),
                                  ("derivation", texts["derivation"])):
                if value is not None:
                    self.sections.write(conn, SECTION, "medical_images", iid, column, value)
            # The custody event names no file and no place: those are sealed.
            insert_custody_event(self, conn, "image", iid, "acquired", now, computed_sha256=sha,
                                 purpose="Registered" if derived_from is None else "Derived image registered")
            self._audit(conn, "medical.image_registered", "case", exam.case_id,
                        {"examination": exam.id, "image": iid, "derived_from": derived_from})
        return iid

    def log_image_viewing(self, image_id: int, *, purpose: str, location: str, occurred_at=None,
                          actor: str | None = None) -> int:
        """Somebody looked at the image: who, when, where and why (a custody event)."""
        self._authorize("medical", "read")
        when, fields = check_custody_event("image", "viewed", occurred_at=occurred_at, actor=actor,
                                           location=location, purpose=purpose)
        return self._image_event(image_id, "viewed", when, fields)

    def release_image(self, image_id: int, *, requester: str, legal_basis: str, receipt: str, purpose: str,
                      location: str, occurred_at=None, actor: str | None = None) -> int:
        """The image released on a proper request: the requester, the legal basis
        (sharing_legal_bases), the signed receipt and the purpose it is released for
        (medical_release_purposes: a prosecutor bundle lists only images released for it)."""
        self._authorize("medical", "release")
        purpose = vocab.check_code("medical_release_purposes", "purpose", purpose, required=True)
        when, fields = check_custody_event("image", "released", occurred_at=occurred_at, actor=actor,
                                           location=location, purpose=purpose, counterpart=requester,
                                           receipt=receipt, legal_basis=legal_basis)
        return self._image_event(image_id, "released", when, fields)

    def examination_images(self, examination_id: int) -> list[dict]:
        """The examination's images with their sealed detail and chain of custody."""
        self._authorize("medical", "read")
        with self.record.transaction() as conn:
            exam = _exam(conn, examination_id)
            out = []
            for r in conn.execute(select(IM).where(IM.c.examination_id == exam.id).order_by(IM.c.id)):
                d = dict(r._mapping)
                for column in ("file_name", "device", "storage_location", "derivation"):
                    d[column] = self.sections.read(conn, SECTION, "medical_images", r.id, column)
                d["custody"] = custody_rows(conn, r.id, "image")
                out.append(d)
            self._audit(conn, "medical.images_read", "case", exam.case_id, {"examination": exam.id})
        return out

    def check_image_fixity(self, image_id: int, path=None, progress=None, cancel=None) -> FixityResult:
        """Re-hash the image at path (default: where it is kept) and compare with the hash taken
        at registration; the result is a custody event (a mismatch or a missing file an alarm)."""
        self._authorize("medical", "update")
        self.sections.key(SECTION)
        with self.record.engine.connect() as conn:
            row = _require(conn, IM, image_id, "image")
            kept = self.sections.read(conn, SECTION, "medical_images", row.id, "storage_location")
        target = Path(os.fspath(path) if path is not None else kept)
        status, computed = fixity_of(target, row.sha256, progress, cancel)
        with self.record.transaction() as conn:
            # The checked path is sealed detail: the custody event names no place.
            eid = record_fixity(self, conn, row, status, computed, None, "Fixity check", kind="image", table=IM,
                                case_id=_case_of_exam(conn, row.examination_id),
                                audit_as=("medical.image_fixity_ok", "medical.IMAGE_FIXITY_ALARM"))
        return FixityResult(row.id, status == "ok", status, row.sha256, computed, str(target), eid)

    def _image_event(self, image_id: int, event: str, when: str, fields: dict) -> int:
        with self.record.transaction() as conn:
            row = _require(conn, IM, image_id, "image")
            eid = insert_custody_event(self, conn, "image", row.id, event, when, **fields)
            self._audit(conn, f"medical.image_{event}", "case", _case_of_exam(conn, row.examination_id),
                        {"examination": row.examination_id, "image": row.id, "event": eid})
        return eid


def released_images(conn, case_id: int, purpose: str) -> tuple[list[dict], int]:
    """(the case's images released for purpose, how many others were not): each released image
    once, with its hash, size, examination and its first release for that purpose (event id,
    when, to whom, legal basis, receipt). Only hashes and the release: file names are sealed.
    The one rule of what a document may list: an image without such a release is left out."""
    images = conn.execute(select(IM).join(EX, EX.c.id == IM.c.examination_id).where(EX.c.case_id == case_id)
                          .order_by(IM.c.id)).all()
    out = []
    for im in images:
        rel = conn.execute(select(CE).where(CE.c.image_id == im.id, CE.c.event == "released",
                                            CE.c.purpose == purpose).order_by(CE.c.id).limit(1)).first()
        if rel is not None:
            out.append({"image": im.id, "examination": im.examination_id, "derived_from": im.derived_from,
                        "sha256": im.sha256, "size_bytes": im.size_bytes, "release_event": rel.id,
                        "released_at_utc": rel.occurred_at_utc, "released_to": rel.counterpart,
                        "legal_basis": rel.legal_basis, "receipt": rel.receipt})
    return out, len(images) - len(out)


__all__ = ["EvidenceActions", "released_images", "SECTION", "LEAVES"]
