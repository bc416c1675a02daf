"""Forensic samples and photo documentation (issue 14): the one chain of custody (recordings,
samples and images in custody_events), samples' custody flow and the coordination fact it sets,
images registered by hash with every viewing and release logged, the sealed detail (a canary
image name and sample note absent from the record read with the record key by the independent
SQLCipher client), the medical role alone, and the prosecutor bundle listing only images released
for it. Real SQLCipher records, real files; every expectation written by hand."""
from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
import sqlcipher3

from barnahus_app.api import open_record
from barnahus_app.documents.bundle import verify_bundle
from barnahus_app.errors import NotFound, PermissionDenied, ValidationError
from barnahus_app.record.keyslots import KeyFile
from tests.integration.test_independent_client import independent_python  # noqa: F401 (the fixture)
from tests.support.attacker import independent_read, record_key_from_sidecar
from tests.support.records import (
    ADMIN_PASSWORD, FAST_KDF, login, old_fixture, raw, raw_closed, sample_case, table_counts,
)

TZ = "Europe/Stockholm"
IMAGE_CANARY = "CANARY-IMG-5521.CR2"
NOTE_CANARY = "CANARY-SAMPLE-NOTE-3391 swab taken behind the left ear"
DEVICE_CANARY = "CANARY-CAMERA-7788"
OTHER_ROLES = ("coordinator", "interviewer", "therapist", "liaison", "admin")


@pytest.fixture
def world(record_path, tmp_path):
    with login(record_path, "admin") as a:
        room = a.create_room("Medical room", "medical")
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    with login(record_path, "medical") as m:
        exam = plan_exam(m, case, room)
    files = tmp_path / "evidence"
    files.mkdir()
    return {"path": record_path, "case": case, "exam": exam, "room": room, "files": files}


def plan_exam(m, case, room) -> int:
    return m.plan_examination(case["id"], case["child_id"], "acute_forensic", "2026-11-02T10:00", 60,
                              examiner_id=m.user_id, room_id=room, time_zone=TZ,
                              commissioned_by="police", priority="urgent")


def rows(session, sql: str, *args) -> list[tuple]:
    conn = raw(session)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def audit(session, prefix: str) -> list[tuple[str, dict | None]]:
    return [(a, json.loads(d) if d else None) for a, d in
            rows(session, "SELECT action, detail FROM audit_log ORDER BY id") if a.startswith(prefix)]


def sha256sum(path: Path) -> str:
    return subprocess.run(["sha256sum", "--", str(path)], capture_output=True, text=True, check=True).stdout.split()[0]


# --- samples --------------------------------------------------------------------------------------

def test_a_samples_custody_runs_collected_sealed_stored_handed_to_police(world):
    with login(world["path"], "medical") as m:
        sid = m.register_sample(world["exam"], kit_id="KIT-2026-0042", sample_type="oral_swab", site="oral",
                                collected_at="2026-11-02T10:20:00+01:00", notes=NOTE_CANARY,
                                location="Medical room")
        # Not sealed yet: it may not leave the centre, and a laboratory cannot receive it.
        before = table_counts(m)
        with pytest.raises(ValidationError, match="Seal the sample"):
            m.add_sample_event(sid, "handed_to_police", location="Reception", counterpart="Officer Example",
                               receipt="Receipt P-1")
        with pytest.raises(ValidationError, match="only after it was sent"):
            m.add_sample_event(sid, "received_by_lab", location="Lab", counterpart="Forensic lab",
                               receipt="Lab receipt 9")
        with pytest.raises(ValidationError, match="number on the seal"):
            m.add_sample_event(sid, "sealed", location="Medical room")
        with pytest.raises(ValidationError, match="receipt"):
            m.add_sample_event(sid, "handed_to_police", location="Reception", counterpart="Officer Example")
        with pytest.raises(ValidationError, match="event"):
            m.add_sample_event(sid, "copied_to", location="Medical room")
        with pytest.raises(NotFound):
            m.add_sample_event(sid + 99, "stored", location="Fridge 2")
        with pytest.raises(ValidationError, match="before the sample was collected"):
            m.add_sample_event(sid, "stored", occurred_at="2026-11-02T10:19:00+01:00", location="Fridge 2")
        assert table_counts(m) == before
        m.add_sample_event(sid, "sealed", seal_number="SEAL-77120", occurred_at="2026-11-02T10:25:00+01:00",
                           location="Medical room")
        m.add_sample_event(sid, "stored", occurred_at="2026-11-02T10:40:00+01:00", location="Evidence fridge 2")
        m.add_sample_event(sid, "handed_to_police", occurred_at="2026-11-03T09:00:00+01:00", location="Reception",
                           counterpart="Officer Example", receipt="Police receipt P-2026-311")
        [sample] = m.examination_samples(world["exam"])
        assert (sample["kit_id"], sample["seal_number"], sample["sample_type"], sample["site"], sample["notes"],
                sample["storage"]) == ("KIT-2026-0042", "SEAL-77120", "oral_swab", "oral", NOTE_CANARY,
                                       "Evidence fridge 2")
        assert [(e["event"], e["occurred_at_utc"]) for e in sample["custody"]] == [
            ("collected", "2026-11-02T09:20:00.000000Z"), ("sealed", "2026-11-02T09:25:00.000000Z"),
            ("stored", "2026-11-02T09:40:00.000000Z"), ("handed_to_police", "2026-11-03T08:00:00.000000Z")]
        assert sample["custody"][1]["seal_number"] == "SEAL-77120"
        assert sample["custody"][3]["counterpart"] == "Officer Example"
        assert rows(m, "SELECT samples_handed_to_police FROM medical_examinations WHERE id = ?",
                    world["exam"]) == [(1,)]
        # The audit trail names ids and events, never the type, site, note or seal.
        entries = audit(m, "medical.sample_")
        assert [a for a, _ in entries] == ["medical.sample_registered", "medical.sample_sealed",
                                           "medical.sample_stored", "medical.sample_handed_to_police"]
        text = json.dumps(entries)
        for secret in ("oral", "CANARY", "SEAL-77120", "fridge", "Officer"):
            assert secret not in text
    # The liaison learns the hand-over from the examination's coordination facts, not the sample.
    with login(world["path"], "liaison") as s:
        [exam] = s.case_examinations(world["case"]["id"])
        assert exam["samples_handed_to_police"] is True and exam["detail"] is None
        assert NOTE_CANARY not in repr(exam) and "KIT-2026-0042" not in repr(exam)
        with pytest.raises(PermissionDenied):
            s.examination_samples(world["exam"])


def test_a_sample_sealed_at_collection_and_destroyed_on_an_order_closes_its_chain(world):
    with login(world["path"], "medical") as m:
        sid = m.register_sample(world["exam"], kit_id="KIT-9", sample_type="blood", seal_number="SEAL-1",
                                location="Medical room")
        m.add_sample_event(sid, "sent_to_lab", location="Courier desk", counterpart="National forensic lab",
                           receipt="Courier slip 55")
        m.add_sample_event(sid, "received_by_lab", location="National forensic lab",
                           counterpart="National forensic lab", receipt="Lab receipt 9")
        with pytest.raises(ValidationError, match="order"):
            m.add_sample_event(sid, "destroyed", location="Lab")
        m.add_sample_event(sid, "destroyed", location="Lab", order_reference="Prosecutor's order 2027/4")
        with pytest.raises(ValidationError, match="destroyed; its chain of custody is closed"):
            m.add_sample_event(sid, "stored", location="Fridge")
        [sample] = m.examination_samples(world["exam"])
        assert [e["event"] for e in sample["custody"]] == ["collected", "sealed", "sent_to_lab", "received_by_lab",
                                                          "destroyed"]
        # Sent to a laboratory is not handed to the police.
        assert rows(m, "SELECT samples_handed_to_police FROM medical_examinations") == [(0,)]


def test_nothing_is_taken_at_a_cancelled_examination(world):
    f = world["files"] / "img.cr2"
    f.write_bytes(b"raw" * 10)
    with login(world["path"], "medical") as m:
        m.cancel_examination(world["exam"], "The child was unwell")
        before = table_counts(m)
        with pytest.raises(ValidationError, match="was cancelled: nothing was taken"):
            m.register_sample(world["exam"], kit_id="KIT-X", sample_type="blood")
        with pytest.raises(ValidationError, match="was cancelled: nothing was taken"):
            m.register_image(world["exam"], f)
        with pytest.raises(NotFound):
            m.register_sample(world["exam"] + 40, kit_id="KIT-X", sample_type="blood")
        with pytest.raises(ValidationError, match="forensic_sample_types"):
            m.register_sample(world["exam"], kit_id="KIT-X", sample_type="no_such_type")
        assert table_counts(m) == before


# --- images ---------------------------------------------------------------------------------------

def test_images_are_registered_by_hash_derived_images_say_what_was_done(world):
    raw_file = world["files"] / IMAGE_CANARY
    raw_file.write_bytes(b"RAW image bytes " * 1000)
    jpeg = world["files"] / "crop.jpg"
    jpeg.write_bytes(b"JPEG derived bytes " * 300)
    with login(world["path"], "medical") as m:
        original = m.register_image(world["exam"], raw_file, device=DEVICE_CANARY)
        with pytest.raises(ValidationError, match="what was done"):
            m.register_image(world["exam"], jpeg, derived_from=original)
        derived = m.register_image(world["exam"], jpeg, derived_from=original, derivation="Cropped, colour balanced")
        images = {i["id"]: i for i in m.examination_images(world["exam"])}
        assert (images[original]["sha256"], images[original]["size_bytes"]) == (sha256sum(raw_file), 16000)
        assert (images[derived]["sha256"], images[derived]["size_bytes"]) == (sha256sum(jpeg), 5700)
        assert images[original]["file_name"] == IMAGE_CANARY and images[original]["device"] == DEVICE_CANARY
        assert images[original]["storage_location"] == str(raw_file)
        assert images[derived]["derived_from"] == original
        assert [(e["event"], e["computed_sha256"], e["location"]) for e in images[original]["custody"]] == [
            ("acquired", sha256sum(raw_file), None)]
        # The hash stays as registered.
        conn = raw(m)
        try:
            with pytest.raises(sqlcipher3.DatabaseError, match="keeps the hash"):
                conn.execute("UPDATE medical_images SET sha256 = ? WHERE id = ?", ("0" * 64, original))
        finally:
            conn.close()
        # Fixity: unaltered, altered, gone; each a custody event, the hash never replaced.
        assert m.check_image_fixity(original).status == "ok"
        raw_file.write_bytes(b"RAW image bytes, edited")
        result = m.check_image_fixity(original)
        assert (result.ok, result.status, result.expected_sha256) == (False, "mismatch",
                                                                               images[original]["sha256"])
        raw_file.unlink()
        assert m.check_image_fixity(original).status == "missing"
        [img] = [i for i in m.examination_images(world["exam"]) if i["id"] == original]
        assert [e["event"] for e in img["custody"]] == ["acquired", "fixity_ok", "fixity_mismatch", "fixity_missing"]
        assert img["sha256"] == images[original]["sha256"] and img["fixity_status"] == "missing"
        assert [a for a, _ in audit(m, "medical.IMAGE_FIXITY_ALARM")] == ["medical.IMAGE_FIXITY_ALARM"] * 2


def test_every_viewing_is_logged_and_a_release_needs_requester_legal_basis_and_receipt(world):
    f = world["files"] / "img.cr2"
    f.write_bytes(b"raw" * 100)
    with login(world["path"], "medical") as m:
        iid = m.register_image(world["exam"], f)
        with pytest.raises(ValidationError, match="why"):
            m.log_image_viewing(iid, purpose="", location="Medical workstation 2")
        m.log_image_viewing(iid, purpose="Expert review of the findings", location="Medical workstation 2")
        good = dict(requester="Prosecutor Example", legal_basis="court_order", receipt="Signed receipt R-12",
                    purpose="prosecutor_bundle", location="Medical records office")
        before = table_counts(m)
        for field, value, message in (("requester", "", "requester"), ("legal_basis", None, "legal_basis"),
                                      ("legal_basis", "because", "sharing_legal_bases"),
                                      ("receipt", " ", "receipt"), ("purpose", "curiosity", "medical_release_purposes"),
                                      ("location", "", "where")):
            with pytest.raises(ValidationError, match=message):
                m.release_image(iid, **dict(good, **{field: value}))
        with pytest.raises(NotFound):
            m.release_image(iid + 50, **good)
        assert table_counts(m) == before
        eid = m.release_image(iid, **good)
        [img] = m.examination_images(world["exam"])
        assert [(e["event"], e["purpose"], e["location"]) for e in img["custody"]] == [
            ("acquired", "Registered", None), ("viewed", "Expert review of the findings", "Medical workstation 2"),
            ("released", "prosecutor_bundle", "Medical records office")]
        released = img["custody"][-1]
        assert (released["id"], released["counterpart"], released["legal_basis"], released["receipt"]) == (
            eid, "Prosecutor Example", "court_order", "Signed receipt R-12")
        assert [a for a, _ in audit(m, "medical.image_")] == ["medical.image_registered", "medical.image_viewed",
                                                              "medical.image_released"]
        # The table refuses a release without its legal basis or receipt, and any second item.
        conn = raw(m)
        try:
            for sql in ("INSERT INTO custody_events (image_id, event, occurred_at_utc, actor, counterpart, receipt, "
                        "by_user, recorded_at) VALUES (1, 'released', 'x', 'a', 'P', 'R', 1, 'x')",
                        "INSERT INTO custody_events (image_id, event, occurred_at_utc, actor, legal_basis, counterpart, "
                        "by_user, recorded_at) VALUES (1, 'released', 'x', 'a', 'law', 'P', 1, 'x')",
                        "INSERT INTO custody_events (image_id, recording_id, event, occurred_at_utc, actor, by_user, "
                        "recorded_at) VALUES (1, 1, 'viewed', 'x', 'a', 1, 'x')",
                        "INSERT INTO custody_events (event, occurred_at_utc, actor, by_user, recorded_at) "
                        "VALUES ('viewed', 'x', 'a', 1, 'x')"):
                with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
                    conn.execute(sql)
            with pytest.raises(sqlcipher3.DatabaseError, match="custody events are append-only"):
                conn.execute("UPDATE custody_events SET legal_basis = 'law'")
        finally:
            conn.close()


# --- only medical staff ---------------------------------------------------------------------------

@pytest.mark.parametrize("user", OTHER_ROLES)
def test_every_other_role_is_refused_samples_and_images(world, user):
    f = world["files"] / "img.cr2"
    f.write_bytes(b"raw" * 100)
    with login(world["path"], "medical") as m:
        sid = m.register_sample(world["exam"], kit_id="KIT-1", sample_type="blood", seal_number="S-1",
                                location="Medical room")
        iid = m.register_image(world["exam"], f)
    calls = [
        lambda s: s.register_sample(world["exam"], kit_id="KIT-2", sample_type="blood"),
        lambda s: s.add_sample_event(sid, "stored", location="Fridge"),
        lambda s: s.examination_samples(world["exam"]),
        lambda s: s.register_image(world["exam"], f),
        lambda s: s.log_image_viewing(iid, purpose="Look", location="Desk"),
        lambda s: s.release_image(iid, requester="P", legal_basis="law", receipt="R", purpose="prosecutor_bundle",
                                  location="Office"),
        lambda s: s.examination_images(world["exam"]),
        lambda s: s.check_image_fixity(iid),
    ]
    with login(world["path"], user) as s:
        before = table_counts(s)
        for call in calls:
            with pytest.raises(PermissionDenied):
                call(s)
        assert table_counts(s) == before


# --- sealed: the record key opens no sample note, image name or device ----------------------------

def test_the_record_read_with_the_record_key_holds_no_image_name_or_sample_note(
        world, independent_python, tmp_path):  # noqa: F811
    f = world["files"] / IMAGE_CANARY
    f.write_bytes(b"raw canary image")
    with login(world["path"], "medical") as m:
        m.register_sample(world["exam"], kit_id="KIT-CANARY", sample_type="skin_swab", notes=NOTE_CANARY,
                          storage="Canary fridge", location="Medical room")
        iid = m.register_image(world["exam"], f, device=DEVICE_CANARY)
        m.log_image_viewing(iid, purpose="Review", location="Workstation")
        m.check_image_fixity(iid)
    path = world["path"]
    key = record_key_from_sidecar(KeyFile.path_for(path), "admin", ADMIN_PASSWORD)
    seen = independent_read(independent_python, path, key, tmp_path / "attacker")
    # The attack works (the child's name and the plaintext kit ID are there) ...
    assert "Exampledottir" in seen.text and "KIT-CANARY" in seen.text
    # ... but no sealed detail is, neither as rows nor anywhere in the database.
    for needle in ("CANARY-IMG-5521", "CANARY-SAMPLE-NOTE", DEVICE_CANARY, "Canary fridge", "behind the left ear",
                   "skin_swab"):
        assert needle not in seen.text, needle
        assert needle.encode() not in seen.export, needle
    assert [p for p in path.parent.rglob("*") if p.is_file() and b"CANARY-IMG" in p.read_bytes()] == []
    # A record key rotation leaves the sealed detail readable to medical staff.
    with login(path, "admin") as a:
        a.rotate_record_key()
    with login(path, "medical") as m:
        [img] = m.examination_images(world["exam"])
        [sample] = m.examination_samples(world["exam"])
    assert (img["file_name"], img["device"], sample["notes"]) == (IMAGE_CANARY, DEVICE_CANARY, NOTE_CANARY)


# --- the prosecutor bundle ------------------------------------------------------------------------

def test_a_prosecutor_bundle_lists_only_the_images_released_for_it(world, tmp_path):
    files = []
    for n in range(3):
        f = world["files"] / f"image-{n}.cr2"
        f.write_bytes(f"image number {n} ".encode() * 50)
        files.append(f)
    with login(world["path"], "medical") as m:
        ids = [m.register_image(world["exam"], f) for f in files]
        release = dict(requester="Prosecutor Example", legal_basis="law", receipt="Receipt 1",
                       location="Medical records office")
        m.release_image(ids[0], purpose="prosecutor_bundle", **release)
        m.release_image(ids[1], purpose="case_summary", **release)   # released, but not for a bundle
    with login(world["path"], "coordinator") as c:
        result = c.export_bundle(world["case"]["id"], tmp_path / "bundle")
    assert result["images_not_released"] == 2
    report = verify_bundle(tmp_path / "bundle")   # the list is part of the signed manifests
    assert report.ok, report.problems
    listed = list(csv.DictReader(io.StringIO(
        (tmp_path / "bundle" / "data" / "images" / "images-released.csv").read_text("utf-8-sig"))))
    assert [(r["image"], r["sha256"], r["legal_basis"], r["released_to"]) for r in listed] == [
        (str(ids[0]), sha256sum(files[0]), "law", "Prosecutor Example")]
    # No image file travels in the bundle, and no image's name.
    bundle_bytes = b"".join(p.read_bytes() for p in (tmp_path / "bundle").rglob("*") if p.is_file())
    assert not any(f.name.encode() in bundle_bytes for f in files)
    assert not any(f.read_bytes() in bundle_bytes for f in files)
    with login(world["path"], "coordinator") as s:
        [(_, detail)] = audit(s, "bundle.exported")
        assert detail["images_listed"] == 1
        # Pseudonymised, the requester's name is left out; the hash and the release stay.
        s.export_bundle(world["case"]["id"], tmp_path / "pseudo", pseudonymise=True)
    listed = list(csv.DictReader(io.StringIO(
        (tmp_path / "pseudo" / "data" / "images" / "images-released.csv").read_text("utf-8-sig"))))
    assert [(r["image"], r["sha256"], r["released_to"]) for r in listed] == [(str(ids[0]), sha256sum(files[0]), "")]


# --- the migration keeps every recording's chain of custody ---------------------------------------

def test_custody_events_of_a_0009_record_survive_the_rebuild_of_0010(tmp_path):
    """The v0009 fixture's interview gets a recording and two custody events (written with the
    independent-of-the-core sqlcipher3 connection, as that schema had them); after the upgrade the
    log reads the same through the core, and the table's rules hold again."""
    path, m = old_fixture("0009", tmp_path)
    with raw_closed(path, m["recovery_key"]) as conn:
        iid = conn.execute("SELECT id FROM interviews ORDER BY id LIMIT 1").fetchone()[0]
        uid = conn.execute("SELECT id FROM users WHERE username = 'interviewer'").fetchone()[0]
        rid = conn.execute(
            "INSERT INTO recordings (interview_id, copy_kind, label, file_name, storage_location, sha256, "
            "size_bytes, acquired_at_utc, fixity_status, registered_by, registered_at) VALUES "
            "(?, 'master', 'Old master', 'old.mp4', 'Safe 1', ?, 10, '2025-03-01T10:00:00.000000Z', 'unchecked', "
            "?, '2025-03-01T10:00:00.000000Z')", (iid, "ab" * 32, uid)).lastrowid
        for event, counterpart, receipt in (("acquired", None, None), ("handed_to_police", "Officer Old", "R-1")):
            conn.execute("INSERT INTO custody_events (recording_id, event, occurred_at_utc, actor, location, "
                         "counterpart, receipt, by_user, recorded_at) VALUES (?, ?, ?, 'Ivan', 'Safe 1', ?, ?, ?, ?)",
                         (rid, event, f"2025-03-0{2 if counterpart else 1}T10:00:00.000000Z", counterpart, receipt,
                          uid, "2025-03-02T10:00:00.000000Z"))
        conn.commit()
    name = next(n for n, u in m["users"].items() if "interviewer" in u["roles"])
    with open_record(path, name, m["users"][name]["password"], kdf=FAST_KDF) as s:
        assert s.upgraded_from == "0009"
        log = s.custody_log(rid)
        assert [(e["event"], e["recording_id"], e["sample_id"], e["image_id"], e["counterpart"], e["receipt"])
                for e in log] == [("acquired", rid, None, None, None, None),
                                  ("handed_to_police", rid, None, None, "Officer Old", "R-1")]
        conn = raw(s)
        try:
            with pytest.raises(sqlcipher3.DatabaseError, match="custody events are append-only"):
                conn.execute("DELETE FROM custody_events")
        finally:
            conn.close()
