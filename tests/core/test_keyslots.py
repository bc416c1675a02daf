"""Key slots, passwords, the recovery key and key rotation, on real SQLCipher files.

Records here use the cheap FAST_KDF profile; the production profile is measured once at the end.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest

from barnahus_app.record import keyslots, storage
from barnahus_app.api import (
    KdfParams, PermissionDenied, RecordFileError, ValidationError, WrongCredentials, create_record,
    open_record,
)
from barnahus_app.record.keyslots import KeyFile, key_id, parse_recovery_key

from tests.support.records import ADMIN_PASSWORD, FAST_KDF, ROLE_USERS, STAFF_PASSWORD, make_record

WRONG = "Wrong user name or password."
T0 = datetime(2026, 11, 23, 9, 0, 0, tzinfo=timezone.utc)


# --- helpers ---------------------------------------------------------------------------------
@pytest.fixture
def rec(tmp_path):
    """(path, recovery key) of a record like conftest's record_path."""
    return make_record(tmp_path)


def sidecar(path) -> dict:
    return json.loads(KeyFile.path_for(path).read_bytes().decode("utf-8"))


def slot_bytes(path) -> dict[str, bytes]:
    """Each user's slot, serialised canonically, to compare byte-for-byte."""
    return {u: json.dumps(s, sort_keys=True, separators=(",", ":")).encode()
            for u, s in sidecar(path)["users"].items()}


def parsed(stamps: list[str]) -> list[datetime]:
    """Reported times as datetimes (the text form is the app's business)."""
    return [datetime.fromisoformat(x) for x in stamps]


def sha256(p) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def unlock(path, user, password, **kw):
    s = open_record(path, user, password, kdf=FAST_KDF, **kw)
    s.close()
    return s


def refused(path, user, password, **kw) -> str:
    with pytest.raises(WrongCredentials) as ei:
        open_record(path, user, password, kdf=FAST_KDF, **kw)
    return str(ei.value)


class FakeTime:
    """Injected clock and sleep: records the delays asked for, never waits."""

    def __init__(self, now=T0):
        self.now = now
        self.sleeps: list[float] = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)

    def kw(self):
        return {"clock": self.clock, "sleep": self.sleep}


# --- unlocking ---------------------------------------------------------------------------------
def test_every_user_unlocks_with_their_password(record_path):
    for name, roles in {"admin": ["admin"], **ROLE_USERS}.items():
        pw = ADMIN_PASSWORD if name == "admin" else STAFF_PASSWORD
        with open_record(record_path, name, pw, kdf=FAST_KDF) as s:
            assert s.username == name
            assert s.roles == roles
            assert s.failed_attempts == []


def test_user_name_is_case_and_space_insensitive(record_path):
    with open_record(record_path, "  Coordinator ", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert s.username == "coordinator"


def test_wrong_password_and_unknown_user_give_the_same_message(record_path):
    t = FakeTime()  # five failures in a row: the delay is asked for, not waited here
    messages = {
        "wrong password": refused(record_path, "admin", "not-the-password", **t.kw()),
        "right password of another user": refused(record_path, "admin", STAFF_PASSWORD, **t.kw()),
        "unknown user": refused(record_path, "nobody", ADMIN_PASSWORD, **t.kw()),
        "empty user name": refused(record_path, "", ADMIN_PASSWORD, **t.kw()),
        "empty password": refused(record_path, "admin", "", **t.kw()),
    }
    assert set(messages.values()) == {WRONG}, messages
    # And the user who was tried still unlocks.
    unlock(record_path, "admin", ADMIN_PASSWORD, **t.kw())


def test_unknown_user_costs_the_same_key_derivation_as_a_known_one(record_path, monkeypatch):
    """Timing must not tell a known name from an unknown one: the decoy derivation uses the
    slots' own Argon2 cost, not the (much dearer or cheaper) default."""
    used = []
    real = keyslots._derive_kek

    def spy(password, salt, params):
        used.append(params)
        return real(password, salt, params)

    monkeypatch.setattr(keyslots, "_derive_kek", spy)
    refused(record_path, "admin", "not-the-password")
    refused(record_path, "no-such-user", "not-the-password")
    assert used == [FAST_KDF, FAST_KDF]


def test_unknown_user_name_is_never_written_to_the_key_file(record_path):
    refused(record_path, "Canary-Username-7731", "whatever-password")
    text = KeyFile.path_for(record_path).read_text("utf-8")
    assert "canary-username-7731" not in text.casefold()
    [entry] = sidecar(record_path)["failure_log"]["entries"]
    assert entry["name"].startswith("?") and len(entry["name"]) == 9   # "?" and 32 bits of a keyed hash


# --- failed attempts: growing delay, report at next login, audit -------------------------------
def test_growing_delay_after_three_failures(record_path):
    t = FakeTime()
    for _ in range(10):
        refused(record_path, "admin", "not-the-password", **t.kw())
    # None for the first three attempts, then 1, 2, 4, ... capped at 30 s.
    assert t.sleeps == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert len(sidecar(record_path)["failure_log"]["entries"]) == 10

    # The right password waits too (a correct guess does not skip the delay), then resets it.
    t.sleeps.clear()
    unlock(record_path, "admin", ADMIN_PASSWORD, **t.kw())
    assert t.sleeps == [30.0]
    t.sleeps.clear()
    for _ in range(3):
        refused(record_path, "admin", "not-the-password", **t.kw())
    assert t.sleeps == []


def test_delay_counts_from_the_last_failure(record_path):
    t = FakeTime()
    for _ in range(4):
        refused(record_path, "admin", "not-the-password", **t.kw())
    assert t.sleeps == [1.0]
    t.sleeps.clear()
    # 4 failures in a row: 2 s from the last one. 1.5 s later only 0.5 s is left.
    t.now = T0 + timedelta(seconds=1.5)
    refused(record_path, "admin", "not-the-password", **t.kw())
    assert t.sleeps == [pytest.approx(0.5)]
    t.sleeps.clear()
    # 5 failures, the last at T0+1.5: 4 s. Ten seconds later there is nothing left to wait.
    t.now = T0 + timedelta(seconds=11.5)
    unlock(record_path, "admin", ADMIN_PASSWORD, **t.kw())
    assert t.sleeps == []


def test_failures_under_other_names_do_not_count_towards_a_names_delay(record_path):
    t = FakeTime()
    for name in ("nobody", "medical", "admin", "therapist", "nobody2", "medical"):
        refused(record_path, name, "x-password-1", **t.kw())
    assert t.sleeps == []
    # The same unknown name, a fourth time: it waits, as a known name would.
    for _ in range(3):
        refused(record_path, "nobody", "x-password-1", **t.kw())
    assert t.sleeps == [1.0]


def test_failures_are_reported_at_next_login_and_audited(record_path):
    t = FakeTime()
    times = [T0 + timedelta(minutes=m) for m in (1, 2, 3)]
    for when, pw in zip(times, ["wrong-password-1", "wrong-password-2", "wrong-password-3"]):
        t.now = when
        refused(record_path, "coordinator", pw, **t.kw())
    medical_time = T0 + timedelta(minutes=4)
    t.now = medical_time
    refused(record_path, "medical", "wrong-password-4", **t.kw())  # someone else's: not shown

    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF, **t.kw()) as s:
        coordinator_id = s.user_id
        assert parsed(s.failed_attempts) == times
    # Reported once.
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert s.failed_attempts == []
    with open_record(record_path, "medical", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        medical_id = s.user_id
        assert parsed(s.failed_attempts) == [medical_time]

    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert s.failed_attempts == []
        failed = [e for e in s.audit_entries() if e["action"] == "login.failed"]
    assert [(e["subject_kind"], e["subject_id"], *parsed([e["detail"]["attempted_at"]]))
            for e in failed] == [
        ("user", coordinator_id, times[0]),
        ("user", coordinator_id, times[1]),
        ("user", coordinator_id, times[2]),
        ("user", medical_id, medical_time),
    ]
    # The trail names no one for a failed attempt; the subject is the account that was tried.
    assert all(e["user_id"] is None and e["username"] is None for e in failed)
    # The list stays in the key file (bounded), the record remembers how far it consumed it.
    assert [e["seq"] for e in sidecar(record_path)["failure_log"]["entries"]] == [1, 2, 3, 4]


# --- odd passphrases ---------------------------------------------------------------------------
ODD_PASSWORDS = [
    "it's a 'single' quote",
    'double "quoted" pass',
    "back\\slash\\\\ and \\' and \\\"",
    "'; DROP TABLE users; --",
    "x'" + "00" * 32 + "'",
    "emoji 🔑🧸👩🏽‍⚕️ pass",
    "tab\tand space  at the end ",
    "שלום-كلمة-пароль-密码",
]


@pytest.mark.parametrize("password", ODD_PASSWORDS)
def test_odd_passphrases_unlock(open_as, record_path, password):
    admin = open_as("admin")
    admin.add_user("odd", "Odd Password", ["coordinator"], password)
    admin.close()
    with open_record(record_path, "odd", password, kdf=FAST_KDF) as s:
        assert s.username == "odd"
    # Exactly that password: not trimmed, not with a character more or less.
    assert refused(record_path, "odd", password + " ") == WRONG
    assert refused(record_path, "odd", password[:-1]) == WRONG
    assert password.encode() not in KeyFile.path_for(record_path).read_bytes()


@pytest.mark.parametrize("set_form,unlock_form", [("NFC", "NFD"), ("NFD", "NFC"), ("NFC", "NFC")])
def test_nfc_and_nfd_forms_of_a_passphrase_are_the_same(open_as, record_path, set_form, unlock_form):
    base = "Åsa-ö lösenord 2026"
    set_pw = unicodedata.normalize(set_form, base)
    unlock_pw = unicodedata.normalize(unlock_form, base)
    if set_form != unlock_form:
        assert set_pw != unlock_pw  # really two different strings
    admin = open_as("admin")
    admin.add_user("asa", "Åsa Öberg", ["coordinator"], set_pw)
    admin.close()
    unlock(record_path, "asa", unlock_pw)
    assert refused(record_path, "asa", "Asa-o losenord 2026") == WRONG


def test_nfd_user_name_finds_the_nfc_account(open_as, record_path):
    admin = open_as("admin")
    admin.add_user(unicodedata.normalize("NFC", "åsa.öberg"), "Åsa", ["coordinator"], STAFF_PASSWORD)
    admin.close()
    with open_record(record_path, unicodedata.normalize("NFD", "Åsa.Öberg"), STAFF_PASSWORD,
                     kdf=FAST_KDF) as s:
        assert s.username == unicodedata.normalize("NFC", "åsa.öberg")


# --- password changes ------------------------------------------------------------------------
def test_own_password_change_makes_a_new_key_pair_in_that_slot_only(record_path):
    before = slot_bytes(record_path)
    before_slot = sidecar(record_path)["users"]["coordinator"]
    new_pw = "a brand new passphrase"
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        s.change_own_password(STAFF_PASSWORD, new_pw)
    after = slot_bytes(record_path)
    assert set(after) == set(before)
    for user in before:
        if user != "coordinator":
            assert after[user] == before[user], user
    assert after["coordinator"] != before["coordinator"]
    after_slot = sidecar(record_path)["users"]["coordinator"]
    # A NEW key pair (issue 11: a private key taken before the change must open nothing sealed
    # after it), with the same record key sealed to it.
    assert after_slot["public_key"] != before_slot["public_key"]
    assert [s["key_id"] for s in after_slot["sealed"]] == [s["key_id"] for s in before_slot["sealed"]]
    assert after_slot["sealed"][0]["epk"] != before_slot["sealed"][0]["epk"]
    assert after_slot["kdf"]["salt"] != before_slot["kdf"]["salt"]
    assert after_slot["private_key"] != before_slot["private_key"]

    assert refused(record_path, "coordinator", STAFF_PASSWORD) == WRONG
    unlock(record_path, "coordinator", new_pw)
    for user in ROLE_USERS:
        if user != "coordinator":
            unlock(record_path, user, STAFF_PASSWORD)
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        changed = [e for e in s.audit_entries() if e["action"] == "user.password_changed"]
    assert len(changed) == 1


def test_own_password_change_with_wrong_old_password_changes_nothing(record_path):
    keys = KeyFile.path_for(record_path)
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        before = keys.read_bytes()
        with pytest.raises(WrongCredentials):
            s.change_own_password("not-my-old-password", "a brand new passphrase")
        with pytest.raises(ValidationError) as ei:
            s.change_own_password(STAFF_PASSWORD, "short")
        assert ei.value.field == "password"
        assert keys.read_bytes() == before
    unlock(record_path, "coordinator", STAFF_PASSWORD)


def test_admin_resets_a_forgotten_password(record_path):
    before = slot_bytes(record_path)
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.reset_password("interviewer", "reset-by-admin-2026")
        reset = [e for e in s.audit_entries() if e["action"] == "user.password_reset"]
        assert [e["username"] for e in reset] == ["admin"]
    after = slot_bytes(record_path)
    assert {u: b for u, b in after.items() if u != "interviewer"} == \
        {u: b for u, b in before.items() if u != "interviewer"}
    assert refused(record_path, "interviewer", STAFF_PASSWORD) == WRONG
    unlock(record_path, "interviewer", "reset-by-admin-2026")


def test_only_an_administrator_resets_passwords(open_as, record_path):
    before = KeyFile.path_for(record_path).read_bytes()
    s = open_as("coordinator")
    with pytest.raises(PermissionDenied):
        s.reset_password("interviewer", "taken-over-password")
    with pytest.raises(PermissionDenied):
        s.rotate_record_key()
    assert KeyFile.path_for(record_path).read_bytes() == before


def test_disabled_user_loses_their_slot_and_cannot_unlock(rec):
    path, recovery = rec
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_active("therapist", False)
        users = {u["username"]: u for u in s.list_users()}
        assert users["therapist"]["active"] is False
        assert users["therapist"]["has_key_slot"] is False
    assert "therapist" not in sidecar(path)["users"]
    assert refused(path, "therapist", STAFF_PASSWORD) == WRONG
    # Not through the recovery key either: that key opens the file, not a disabled account.
    with pytest.raises(WrongCredentials):
        open_record(path, "therapist", recovery_key=recovery, kdf=FAST_KDF)
    # Enabled again, the account needs a new password: the old one is gone with the slot.
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_active("therapist", True)
    assert refused(path, "therapist", STAFF_PASSWORD) == WRONG
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.reset_password("therapist", "welcome-back-2026")
    unlock(path, "therapist", "welcome-back-2026")


# --- recovery key ------------------------------------------------------------------------------
def test_recovery_key_opens_without_the_key_file_and_slots_can_be_remade(rec):
    path, recovery = rec
    KeyFile.path_for(path).unlink()
    with pytest.raises(RecordFileError, match="key file .* is missing"):
        open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)

    with open_record(path, "admin", recovery_key=recovery, kdf=FAST_KDF) as s:
        assert s.username == "admin"
        users = {u["username"]: u for u in s.list_users()}
        assert not any(u["has_key_slot"] for u in users.values())
        s.reset_password("admin", "new-admin-password")
        s.reset_password("coordinator", "new-coordinator-pw")
        assert any(e["action"] == "login.recovery_key" for e in s.audit_entries())
    assert sorted(sidecar(path)["users"]) == ["admin", "coordinator"]
    unlock(path, "admin", "new-admin-password")
    unlock(path, "coordinator", "new-coordinator-pw")
    assert refused(path, "interviewer", STAFF_PASSWORD) == WRONG


def test_recovery_key_opens_past_a_damaged_key_file_and_keeps_a_copy_of_it(rec):
    """The damaged-key-file message says to use the recovery key: that must work."""
    path, recovery = rec
    keys = KeyFile.path_for(path)
    damaged = keys.read_bytes()[:-40]  # cut short: not JSON any more
    keys.write_bytes(damaged)
    with pytest.raises(RecordFileError, match="recovery key"):
        open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    # A wrong recovery key does not overwrite it (not even to count the failure).
    with pytest.raises(RecordFileError):
        open_record(path, "admin", recovery_key="ab" * 32, kdf=FAST_KDF)
    with pytest.raises(WrongCredentials):
        open_record(path, "admin", recovery_key="not a key", kdf=FAST_KDF)
    assert keys.read_bytes() == damaged

    with open_record(path, "admin", recovery_key=recovery, kdf=FAST_KDF) as s:
        s.reset_password("admin", "new-admin-password")
    assert keys.with_name(keys.name + ".damaged").read_bytes() == damaged
    unlock(path, "admin", "new-admin-password")


@pytest.mark.parametrize("transform", [
    str.lower,
    lambda k: k.replace("-", ""),
    lambda k: k.replace("-", " "),
    lambda k: k.lower().replace("-", "  "),
    lambda k: "\n".join(k.split("-")) + "\n",
    lambda k: "  " + k + "\t",
    lambda k: "x'" + k.replace("-", "").lower() + "'",
], ids=["lower", "no-dashes", "spaces", "lower-double-spaces", "lines", "padded", "raw-literal"])
def test_recovery_key_is_accepted_as_typed(rec, transform):
    path, recovery = rec
    typed = transform(recovery)
    assert typed != recovery
    assert parse_recovery_key(typed) == parse_recovery_key(recovery)
    with open_record(path, "admin", recovery_key=typed, kdf=FAST_KDF) as s:
        assert s.username == "admin"


@pytest.mark.parametrize("kind", ["other valid key", "one digit off", "too short", "not hex", "empty"])
def test_wrong_recovery_key_is_refused_and_the_file_is_untouched(rec, kind):
    path, recovery = rec
    hexkey = recovery.replace("-", "")
    typed = {
        "other valid key": "0123abcd" * 8,
        "one digit off": hexkey[:-1] + ("0" if hexkey[-1] != "0" else "1"),
        "too short": hexkey[:-2],
        "not hex": hexkey[:-1] + "G",
        "empty": "",
    }[kind]
    before = sha256(path)
    with pytest.raises((RecordFileError, WrongCredentials)) as ei:
        open_record(path, "admin", recovery_key=typed, kdf=FAST_KDF)
    if isinstance(ei.value, RecordFileError):
        assert "does not open this file" in str(ei.value)
        assert "left untouched" in str(ei.value)
    else:
        assert str(ei.value) == WRONG
    assert sha256(path) == before
    assert hexkey.lower() not in str(ei.value).lower()
    # The failure is counted and reported at the next login.
    assert [e["by"] for e in sidecar(path)["failure_log"]["entries"]] == ["recovery_key"]
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert len(s.failed_attempts) == 1


def test_recovery_key_of_another_record_does_not_open_this_one(rec, tmp_path):
    path, _ = rec
    other = create_record(tmp_path / "other" / "record.barnahus", "admin", ADMIN_PASSWORD,
                          kdf=FAST_KDF)
    before = sha256(path)
    with pytest.raises(RecordFileError, match="another record"):
        open_record(path, "admin", recovery_key=other, kdf=FAST_KDF)
    assert sha256(path) == before


# --- key rotation ------------------------------------------------------------------------------
def test_rotation_replaces_the_recovery_key_and_keeps_every_password(rec):
    path, old_recovery = rec
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        pid = s.create_person(given_name="Rotation", family_name="Survivor",
                              notes="written before the rotation", acknowledge_duplicates=True)
    delivered = []
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        new_recovery = s.rotate_record_key(delivered.append)
        # The open session goes on working on the re-encrypted file, and slots made now
        # get the new key.
        s.add_user("newcomer", "New Comer", ["medical"], "newcomer-password")
        actions = [e["action"] for e in s.audit_entries()]
    assert delivered == [new_recovery]
    assert new_recovery != old_recovery
    assert actions.index("record.key_rotation_started") < actions.index("record.key_rotated")

    new_key = parse_recovery_key(new_recovery)
    old_key = parse_recovery_key(old_recovery)
    assert storage.probe_key(path, new_key) and not storage.probe_key(path, old_key)
    for slot in sidecar(path)["users"].values():
        assert [x["key_id"] for x in slot["sealed"]] == [key_id(new_key)]

    before = sha256(path)
    with pytest.raises(RecordFileError, match="does not open this file"):
        open_record(path, "admin", recovery_key=old_recovery, kdf=FAST_KDF)
    assert sha256(path) == before
    with open_record(path, "coordinator", recovery_key=new_recovery, kdf=FAST_KDF) as s:
        assert s.get_person(pid)["notes"] == "written before the rotation"
        assert s.check().ok
    for name in ["admin", *ROLE_USERS]:
        unlock(path, name, ADMIN_PASSWORD if name == "admin" else STAFF_PASSWORD)
    unlock(path, "newcomer", "newcomer-password")


def test_rotation_interrupted_before_rekey_opens_with_the_old_key(rec):
    """Crash after the new key was sealed into every slot, before the file was re-encrypted."""
    path, recovery = rec
    old_key = parse_recovery_key(recovery)
    new_key = b"\x42" * 32
    kf = KeyFile.load(path)
    kf.seal_for_all(new_key)
    kf.save()
    assert kf.rotation_pending()
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert s.record.key == old_key
    kf = KeyFile.load(path)
    assert not kf.rotation_pending()
    for slot in kf.data["users"].values():
        assert [x["key_id"] for x in slot["sealed"]] == [key_id(old_key)]


def test_rotation_interrupted_after_rekey_opens_with_the_new_key(rec):
    """Crash after the file was re-encrypted, before the old key was dropped from the slots."""
    from barnahus_app.record.handle import rekey_file
    path, recovery = rec
    old_key = parse_recovery_key(recovery)
    new_key = b"\x42" * 32
    kf = KeyFile.load(path)
    kf.seal_for_all(new_key)
    kf.save()
    rekey_file(path, old_key, new_key)
    for name in ["admin", *ROLE_USERS]:
        unlock(path, name, ADMIN_PASSWORD if name == "admin" else STAFF_PASSWORD)
    kf = KeyFile.load(path)
    assert not kf.rotation_pending()
    for slot in kf.data["users"].values():
        assert [x["key_id"] for x in slot["sealed"]] == [key_id(new_key)]
    with open_record(path, "admin", recovery_key=new_key.hex(), kdf=FAST_KDF) as s:
        assert s.check().ok


# --- the production cost -----------------------------------------------------------------------
def test_production_kdf_is_argon2id_with_a_real_cost():
    """The production profile (its time is measured by bench/bench.py, not asserted here)."""
    params = KdfParams()
    assert (params.time_cost, params.memory_kib, params.parallelism) == (3, 262144, 2)
    assert params.as_dict()["alg"] == "argon2id"
    kek = keyslots._derive_kek("a passphrase of ordinary length", b"\x00" * 16, params)
    assert len(kek) == 32 and kek != keyslots._derive_kek("another passphrase", b"\x00" * 16, params)
