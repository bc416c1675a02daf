"""Sealed sections (issue 11, items 1 and 5), tried as an attacker with a legitimate account and the
files: the key file read with its published format (tests/support/attacker.py, no Barnahus code)
gives the record key for any user's password, and the independent SQLCipher client then reads the
whole record; the interviewer's notes must not be in it. Revocation must revoke: a disabled user's
slot copied from an old key file opens no section key made after the disable, and a password
change makes a new key pair.

On main before this, the notes were plaintext in interviews.notes (the first test finds the
canary), a disabled user's old slot and a changed password's old private key kept working."""
from __future__ import annotations

import json
import shutil

import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy import select

from barnahus_app.api import open_record
from barnahus_app.errors import ConflictsFound, PermissionDenied, RecordFileError, SectionLocked, WrongCredentials
from barnahus_app.record import sections
from barnahus_app.record.keyslots import KeyFile
from tests.integration.test_independent_client import independent_python  # noqa: F401 (the fixture)
from tests.support.attacker import (
    independent_read, private_key_from_sidecar, record_key_from_sidecar, unseal,
)
from tests.support.records import (
    ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, login, raw, sample_case, section_recovery_key,
)

CANARY = "Kanarifågel-8812 drew the yellow stairs"
SECTION = "interview_notes"


@pytest.fixture
def notes_world(record_path):
    """The test record (admin and one user per role; the coordinator's unlock created the notes
    section), a case, a room and an interview whose notes hold the canary."""
    with login(record_path, "admin") as a:
        room = a.create_room("Green room", "interview")
    recovery = section_recovery_key(record_path, SECTION)
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    with login(record_path, "interviewer") as s:
        iid = s.plan_interview(case["id"], case["child_id"], "2026-11-02T10:00", 60, room, s.user_id,
                               time_zone="Europe/Stockholm")
        s.set_interview_notes(iid, CANARY)
    return {"path": record_path, "interview": iid, "recovery": recovery, "case": case}


def _section_rows(session):
    conn = raw(session)
    try:
        keys = conn.execute("SELECT username, key_id, sealed FROM section_keys WHERE section = ? "
                            "ORDER BY username", (SECTION,)).fetchall()
        values = conn.execute("SELECT tbl, row_id, col, key_id FROM section_values WHERE section = ?",
                              (SECTION,)).fetchall()
        requests = conn.execute("SELECT username, kind FROM section_requests ORDER BY id").fetchall()
    finally:
        conn.close()
    return keys, values, requests


# --- the attack: any user's password and the independent client ---------------------------------

@pytest.mark.parametrize("user,password", [("medical", STAFF_PASSWORD), ("admin", ADMIN_PASSWORD)])
def test_a_record_key_taken_with_a_users_password_reads_no_interviewer_notes(
        notes_world, independent_python, tmp_path, user, password):  # noqa: F811
    path = notes_world["path"]
    key = record_key_from_sidecar(KeyFile.path_for(path), user, password)
    seen = independent_read(independent_python, path, key, tmp_path / "attacker")
    # The attack works: the record key opens the record, the child's name is in it ...
    assert "Exampledottir" in seen.text and b"Exampledottir" in seen.export
    # ... but the interviewer's notes are not, neither as rows nor anywhere in the database.
    for needle in ("Kanarif", "yellow stairs"):
        assert needle not in seen.text, needle
        assert needle.encode() not in seen.export, needle
    # The ones the policy grants the notes read them through the core, unchanged for callers.
    for reader in ("interviewer", "coordinator", "liaison"):
        with login(path, reader) as s:
            assert s.get_interview(notes_world["interview"])["notes"] == CANARY, reader


def test_no_file_beside_the_record_holds_the_notes(notes_world):
    folder = notes_world["path"].parent
    assert [p for p in folder.rglob("*") if p.is_file() and b"Kanarif" in p.read_bytes()] == []


def test_a_value_moved_to_another_row_does_not_decrypt(notes_world):
    """The associated data binds each ciphertext to its section, table, row and column."""
    with login(notes_world["path"], "interviewer") as s:
        key = s.sections.key(SECTION)
        with s.record.transaction() as conn:
            row = conn.execute(select(sections.V).where(sections.V.c.row_id == notes_world["interview"])).first()
    assert sections.decrypt_value(key, SECTION, "interviews", row.row_id, "notes", row.nonce, row.ct) == \
        b"s" + CANARY.encode()
    for place in ((SECTION, "interviews", row.row_id + 1, "notes"), (SECTION, "interviews", row.row_id, "cancel_reason"),
                  ("signing_keys", "interviews", row.row_id, "notes")):
        with pytest.raises(RecordFileError, match="does not decrypt"):
            sections.decrypt_value(key, *place, row.nonce, row.ct)


# --- granting: sealed now by a holder, else by request at the next holder's unlock ---------------

def test_a_user_granted_the_notes_by_an_administrator_gets_the_key_at_the_next_holders_unlock(notes_world):
    path, iid = notes_world["path"], notes_world["interview"]
    with login(path, "admin") as a:
        a.add_user("interviewer2", "Second Interviewer", ["interviewer"], STAFF_PASSWORD)
        assert not a.sections.holds(SECTION)
    with login(path, "interviewer2") as s:
        view = s.get_interview(iid)
        assert view["notes"] is None
        assert view["notes_locked"] == (
            "You do not hold the key of section interview_notes yet. It is sealed to you the next time "
            "a colleague who holds it unlocks the record (or with the section's recovery key); nothing "
            "was shown or changed.")
        with pytest.raises(SectionLocked):
            s.set_interview_notes(iid, "overwritten")
    with login(path, "liaison") as s:   # a holder: its unlock completes the request
        assert _section_rows(s)[2] == []
        sealed = [e for e in s.audit_entries() if e["action"] == "section.key_sealed"] \
            if s.can("audit", "read") else None
    with login(path, "interviewer2") as s:
        assert s.get_interview(iid)["notes"] == CANARY
    with login(path, "admin") as a:
        actions = [(e["action"], e["username"], e["detail"]) for e in a.audit_entries()
                   if e["action"].startswith("section.")]
    assert ("section.key_requested", "admin", {"section": SECTION, "user": "interviewer2"}) in actions
    assert ("section.key_sealed", "liaison", {"section": SECTION, "user": "interviewer2"}) in actions
    assert sealed is None   # the liaison may not read the audit trail; the administrator saw it above


def test_a_holder_granting_the_role_seals_at_once(notes_world):
    path = notes_world["path"]
    with login(path, "admin") as a:
        a.set_roles("admin", ["admin", "coordinator"])      # requested: admin holds no key yet
    with login(path, "interviewer") as s:                   # completes it
        pass
    with login(path, "admin") as a:
        assert a.sections.holds(SECTION)
        a.add_user("liaison2", "Second Liaison", ["liaison"], STAFF_PASSWORD)   # sealed at once
        keys, _, requests = _section_rows(a)
    assert "liaison2" in [k[0] for k in keys] and requests == []
    with login(path, "liaison2") as s:
        assert s.get_interview(notes_world["interview"])["notes"] == CANARY


def test_the_section_recovery_key_opens_the_section_for_a_granted_user(notes_world):
    path, iid = notes_world["path"], notes_world["interview"]
    with login(path, "admin") as a:
        a.add_user("lonely", "Lonely Coordinator", ["coordinator"], STAFF_PASSWORD)
    with login(path, "lonely") as s:
        with pytest.raises(WrongCredentials):
            s.open_section_with_recovery_key(SECTION, "0" * 64)
        s.open_section_with_recovery_key(SECTION, notes_world["recovery"])
        assert s.get_interview(iid)["notes"] == CANARY
    with login(path, "lonely") as s:      # sealed to their slot now
        assert s.sections.holds(SECTION)


# --- revocation revokes ---------------------------------------------------------------------------

def _old_private_opens_nothing(session, old_private):
    keys, _, _ = _section_rows(session)
    for _user, _kid, sealed in keys:
        with pytest.raises((InvalidTag, ValueError)):
            unseal(json.loads(sealed), old_private)


def test_a_disabled_users_old_slot_from_a_backup_opens_no_section_key_rekeyed_after(notes_world, tmp_path):
    path, iid = notes_world["path"], notes_world["interview"]
    stolen = tmp_path / "old-copy.keys"
    shutil.copyfile(KeyFile.path_for(path), stolen)           # e.g. a backup's key file
    old_private = private_key_from_sidecar(stolen, "coordinator", STAFF_PASSWORD)
    with login(path, "interviewer") as s:
        keys, _, _ = _section_rows(s)
        old_key = unseal(json.loads(dict((u, sd) for u, _, sd in keys)["coordinator"]), old_private)
        assert old_key == s.sections.key(SECTION)           # before: the old slot opens the notes
    with login(path, "admin") as a:
        a.set_active("coordinator", False)                  # admin holds no key: re-key requested
        keys, values, requests = _section_rows(a)
    assert "coordinator" not in [k[0] for k in keys]
    assert requests == [("coordinator", "rekey")]
    assert {k[1] for k in keys} == {v[3] for v in values}   # still the old key until a holder unlocks
    with login(path, "liaison") as s:                       # a holder's unlock re-keys
        keys, values, requests = _section_rows(s)
        new_key = s.sections.key(SECTION)
        _old_private_opens_nothing(s, old_private)
        assert s.get_interview(iid)["notes"] == CANARY
    assert new_key != old_key and requests == []
    assert len({k[1] for k in keys} | {v[3] for v in values}) == 1
    with pytest.raises(RecordFileError, match="does not decrypt"):
        with login(path, "liaison") as s, s.record.transaction() as conn:
            row = conn.execute(select(sections.V)).first()
            sections.decrypt_value(old_key, SECTION, row.tbl, row.row_id, row.col, row.nonce, row.ct)
    # The disabled user's slot is gone from the key file; the old copy still opens the record key
    # until the record key is rotated (README: what an old backup still opens).
    assert not KeyFile.load(path).has_user("coordinator")


def test_a_holder_disabling_a_user_rekeys_at_once(notes_world):
    path = notes_world["path"]
    with login(path, "admin") as a:
        a.set_roles("admin", ["admin", "liaison"])
    with login(path, "interviewer"):
        pass
    with login(path, "admin") as a:
        before = a.sections.key(SECTION)
        a.set_active("liaison", False)
        after = a.sections.key(SECTION)
        keys, values, requests = _section_rows(a)
        rekeyed = [e["detail"] for e in a.audit_entries() if e["action"] == "section.rekeyed"
                   and e["detail"]["section"] == SECTION]   # (liaison also issued documents: signing_keys too)
    assert before != after and requests == []
    assert "liaison" not in [k[0] for k in keys]
    assert len({k[1] for k in keys} | {v[3] for v in values}) == 1
    assert rekeyed == [{"section": SECTION, "holders": 3, "after_losing": ["liaison"]}]


def test_removing_the_role_takes_the_section_away(notes_world):
    path, iid = notes_world["path"], notes_world["interview"]
    with login(path, "admin") as a:
        a.set_roles("liaison", ["medical"])
        assert _section_rows(a)[2] == [("liaison", "rekey")]
    with login(path, "liaison") as s:
        assert "notes" not in s.get_interview(iid)
        assert not s.sections.holds(SECTION)


def test_disable_rotate_from_the_command_line(notes_world, tmp_path):
    from tests.support.cli import run_cli
    path = notes_world["path"]
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    stolen = tmp_path / "old-copy.keys"
    shutil.copyfile(KeyFile.path_for(path), stolen)
    out = tmp_path / "new-recovery.txt"
    result = run_cli("users", "disable", "medical", "--rotate", "--new-recovery-key-file", str(out),
                     "--record", str(path), "--user", "admin", "--password-file", str(pw))
    assert result.returncode == 0, result.stderr
    assert "The record key was replaced" in result.stdout
    # The old copy of the key file gives the medical user the OLD record key only, which opens
    # nothing now.
    from barnahus_app.record import storage
    from barnahus_app.record.keyslots import parse_recovery_key
    old = record_key_from_sidecar(stolen, "medical", STAFF_PASSWORD)
    assert not storage.probe_key(path, old)
    assert storage.probe_key(path, parse_recovery_key(out.read_text()))
    with login(path, "therapist") as s:
        assert s.username == "therapist"


def test_rotate_without_disable_is_a_usage_error(record_path, tmp_path):
    from tests.support.cli import run_cli
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    result = run_cli("users", "enable", "medical", "--rotate", "--record", str(record_path), "--user", "admin",
                     "--password-file", str(pw))
    assert result.returncode == 2 and result.stderr.strip() == "barnahus: --rotate goes with 'users disable NAME'."


def test_a_password_change_makes_a_new_key_pair_the_old_private_key_opens_nothing_after(notes_world, tmp_path):
    path, iid = notes_world["path"], notes_world["interview"]
    stolen = tmp_path / "old-copy.keys"
    shutil.copyfile(KeyFile.path_for(path), stolen)
    old_private = private_key_from_sidecar(stolen, "coordinator", STAFF_PASSWORD)
    new_pw = "a brand new passphrase 2"
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        s.change_own_password(STAFF_PASSWORD, new_pw)
    old_public = json.loads(stolen.read_text())["users"]["coordinator"]["public_key"]
    assert json.loads(KeyFile.path_for(path).read_text())["users"]["coordinator"]["public_key"] != old_public
    with login(path, "admin") as a:
        a.rotate_record_key()
    slot = json.loads(KeyFile.path_for(path).read_text())["users"]["coordinator"]
    with pytest.raises(InvalidTag):         # the record key issued after the change
        unseal(slot["sealed"][0], old_private)
    with open_record(path, "coordinator", new_pw, kdf=FAST_KDF) as s:
        assert s.get_interview(iid)["notes"] == CANARY   # sections resealed to the new key pair
        _old_private_opens_nothing(s, old_private)


def test_an_administrator_reset_password_seals_the_sections_again(notes_world):
    path, iid = notes_world["path"], notes_world["interview"]
    with login(path, "admin") as a:
        a.reset_password("liaison", "a reset password 1")
    with open_record(path, "liaison", "a reset password 1", kdf=FAST_KDF) as s:
        assert s.get_interview(iid)["notes"] is None and "notes_locked" in s.get_interview(iid)
    with login(path, "interviewer"):
        pass
    with open_record(path, "liaison", "a reset password 1", kdf=FAST_KDF) as s:
        assert s.get_interview(iid)["notes"] == CANARY


# --- kill -9 during a section re-key -------------------------------------------------------------

# Where `users disable coordinator` run by a holder of the notes stalls before the kill: inside the
# re-key's transaction (after the first and the third value re-encrypted, after the re-key
# returned), and after the whole disable (its key file saved: the login saved it first).
REKEY_KILLS = {
    "first value re-encrypted": ("barnahus_app.record.sections:encrypt_value:1", False),
    "third value re-encrypted": ("barnahus_app.record.sections:encrypt_value:3", False),
    "re-key done, not committed": ("barnahus_app.record.sections:rekey:1", False),
    "disable done": ("barnahus_app.record.keyslots:fsync_folder:2", True),
}


@pytest.mark.parametrize("step", list(REKEY_KILLS))
def test_a_rekey_killed_at_any_point_leaves_one_key_and_every_value_readable(notes_world, tmp_path, step):
    from tests.core.test_kill_during_writes import _run_until_stalled
    path = notes_world["path"]
    with login(path, "admin") as a:
        a.add_user("boss", "Boss", ["admin", "interviewer"], STAFF_PASSWORD)
    notes = {notes_world["interview"]: CANARY}
    with login(path, "interviewer") as s:     # seals the notes to boss
        room = s.get_interview(notes_world["interview"])["room_id"]
    with login(path, "boss") as s:
        for n in range(4):
            plan = dict(case_id=notes_world["case"]["id"], child_person_id=notes_world["case"]["child_id"],
                        starts_at=f"2026-12-0{n + 1}T10:00", duration_minutes=60, room_id=room,
                        interviewer_id=s.user_id, time_zone="Europe/Stockholm", justification="Kill test")
            try:
                iid = s.plan_interview(**plan)
            except ConflictsFound as e:
                iid = s.plan_interview(**plan, overrides={c.key: "Kill test" for c in e.check.conflicts})
            notes[iid] = f"Kill test notes {n}"
            s.set_interview_notes(iid, notes[iid])
        old_key = s.sections.key(SECTION)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    pw = tmp_path / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    hook, committed = REKEY_KILLS[step]
    _run_until_stalled({"tmp": tmp_path}, ["users", "disable", "coordinator", "--record", str(path),
                                           "--user", "boss", "--password-file", str(pw)], hook, cheap=False)

    with login(path, "liaison") as s:
        keys, values, requests = _section_rows(s)
        key_ids = {k[1] for k in keys} | {v[3] for v in values}
        assert len(key_ids) == 1, key_ids                     # exactly one key
        assert len(values) == len(notes)
        for iid, text in notes.items():                       # no value unreadable
            assert s.get_interview(iid)["notes"] == text
        assert (s.sections.key(SECTION) != old_key) == committed
        assert ("coordinator" in [k[0] for k in keys]) == (not committed)
        assert requests == []
    assert KeyFile.load(path).has_user("coordinator") == (not committed)
    with login(path, "boss") as s:
        assert s.check().ok


class Killed(BaseException):
    """Stands in for kill -9 at that point: nothing after it runs."""


def test_a_password_change_killed_before_the_key_file_is_saved_heals_at_the_next_holders_unlock(
        notes_world, monkeypatch):
    """The section seals for the new key pair are committed, the key file with it never written:
    the old password still unlocks, the notes are locked for a moment (their seal opens with no key
    pair the key file holds), and the next holder's unlock seals them again."""
    path, iid = notes_world["path"], notes_world["interview"]
    s = open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF)

    def killed(_self):
        raise Killed()
    monkeypatch.setattr(KeyFile, "save", killed)
    with pytest.raises(Killed):
        s.change_own_password(STAFF_PASSWORD, "a brand new passphrase 3")
    monkeypatch.undo()
    s.record.close()   # no logout: the process died
    with login(path, "coordinator") as c:
        assert "notes_locked" in c.get_interview(iid)
    with login(path, "liaison"):
        pass
    with login(path, "coordinator") as c:
        assert c.get_interview(iid)["notes"] == CANARY


def test_a_rekey_keeps_the_recovery_key_and_a_new_recovery_key_replaces_it(notes_world, tmp_path):
    from tests.support.cli import run_cli
    path, iid, old = notes_world["path"], notes_world["interview"], notes_world["recovery"]
    with login(path, "admin") as a:
        a.set_roles("admin", ["admin", "liaison"])
        a.add_user("spare", "Spare Coordinator", ["coordinator"], STAFF_PASSWORD)
    with login(path, "interviewer"):
        pass   # seals to admin; spare too
    with login(path, "admin") as a:
        a.set_active("coordinator", False)     # re-keyed at once: the recovery key still opens it
        with a.record.transaction() as conn:
            assert sections.unseal_with_recovery(conn, SECTION, old) == a.sections.key(SECTION)
    pw = tmp_path / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    out = tmp_path / "notes-recovery.txt"
    result = run_cli("sections", "recovery-key", SECTION, "--new-recovery-key-file", str(out), "--record", str(path),
                     "--user", "liaison", "--password-file", str(pw))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "The previous recovery key of section interview_notes no longer opens it."
    new = out.read_text().strip()
    with login(path, "spare") as s:
        with pytest.raises(WrongCredentials):
            s.open_section_with_recovery_key(SECTION, old)
        s.open_section_with_recovery_key(SECTION, new)
        assert s.get_interview(iid)["notes"] == CANARY
    # a user the section is not granted to cannot replace it; a delivery that fails changes nothing
    with login(path, "medical") as s:
        with pytest.raises(PermissionDenied):
            s.new_section_recovery_key(SECTION, lambda _t: None)

    def lost(_text):
        raise OSError("the disk is full")
    with login(path, "liaison") as s:
        with pytest.raises(OSError):
            s.new_section_recovery_key(SECTION, lost)
    with login(path, "spare") as s, s.record.transaction() as conn:
        assert sections.unseal_with_recovery(conn, SECTION, new) == s.sections.key(SECTION)
