"""Attacks on wrong-password delays and on the record of failed attempts (issue 11, item 7).

Each attack here succeeded on main before the per-name delays and the anchored failure list:
one wrong attempt now and then kept the real staff out (a single counter for every name, and the
writer lock held during the wait), and resetting the counter in the key file erased the evidence.
Real SQLCipher records; the clock and sleep are injected (nothing really waits).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from barnahus_app.api import RecordLocked, WrongCredentials, open_record
from barnahus_app.record.keyslots import KeyFile

from tests.support.records import FAST_KDF, STAFF_PASSWORD, login, make_record

T0 = datetime(2026, 12, 1, 22, 0, 0, tzinfo=timezone.utc)
REPO = Path(__file__).resolve().parents[2]
WRONG = "Wrong user name or password."


class Clock:
    """Injected clock and sleep: records the waits asked for; during_wait runs inside a wait, as
    another program would act while this one waits."""

    def __init__(self, now=T0, during_wait=None):
        self.now = now
        self.sleeps: list[float] = []
        self.during_wait = during_wait

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        if self.during_wait:
            self.during_wait()

    def kw(self):
        return {"clock": lambda: self.now, "sleep": self.sleep, "kdf": FAST_KDF}


def attempt(path, user, password, clock: Clock) -> str:
    with pytest.raises(WrongCredentials) as ei:
        open_record(path, user, password, **clock.kw())
    return str(ei.value)


def sidecar(path) -> dict:
    return json.loads(KeyFile.path_for(path).read_bytes())


def write_sidecar(path, data: dict) -> None:
    KeyFile.path_for(path).write_text(json.dumps(data, indent=1), "utf-8")


# --- the lock-out ------------------------------------------------------------------------------
def test_wrong_attempts_under_other_names_never_keep_the_staff_out(record_path):
    """The attacker fails again and again as "mallory" (no such user) and as "medical" (someone
    else's name). Inside the attacker's waits the coordinator unlocks at once: no wait, and the
    record is not "already open in another window"."""
    staff_waits, staff_logins = [], []

    def coordinator_unlocks():
        staff = Clock(attacker.now)
        with open_record(record_path, "coordinator", STAFF_PASSWORD, **staff.kw()) as s:
            staff_logins.append(s.username)
        staff_waits.extend(staff.sleeps)

    attacker = Clock(during_wait=coordinator_unlocks)
    for i in range(10):
        attempt(record_path, "mallory", f"guess-{i}", attacker)
        attempt(record_path, "medical", f"guess-{i}", attacker)
    # The attacker waited (both names: 7 waits each after their first three failures) ...
    assert len(attacker.sleeps) == 14
    # ... and during every one of those waits the coordinator got in, without waiting.
    assert staff_logins == ["coordinator"] * 14
    assert staff_waits == []
    # After the attack, too.
    later = Clock(T0 + timedelta(seconds=10))
    with open_record(record_path, "coordinator", STAFF_PASSWORD, **later.kw()):
        pass
    assert later.sleeps == []


def test_attempts_against_a_staff_name_slow_that_name_but_never_lock_the_record(record_path):
    """The attacker guesses the coordinator's own password. Inside the attacker's wait the
    coordinator waits too (the name's delay) but is not told the record is open elsewhere, and
    gets in; someone else is not slowed at all."""
    seen = []

    def coordinator_unlocks():
        if seen:
            return
        staff = Clock(attacker.now)
        with open_record(record_path, "coordinator", STAFF_PASSWORD, **staff.kw()) as s:
            seen.append((len(s.failed_attempts), staff.sleeps))
        other = Clock(attacker.now)
        with open_record(record_path, "medical", STAFF_PASSWORD, **other.kw()):
            seen.append(other.sleeps)

    attacker = Clock(during_wait=coordinator_unlocks)
    for i in range(4):
        attempt(record_path, "coordinator", f"guess-{i}", attacker)
    assert attacker.sleeps == [1.0]
    assert seen == [(3, [1.0]), []]


def test_an_unknown_name_is_slowed_and_answered_exactly_like_a_known_one(record_path):
    known, unknown = Clock(), Clock()
    answers = set()
    for i in range(8):
        answers.add(attempt(record_path, "medical", f"guess-{i}", known))
        answers.add(attempt(record_path, "no-such-person", f"guess-{i}", unknown))
    assert answers == {WRONG}
    assert known.sleeps == unknown.sleeps == [1.0, 2.0, 4.0, 8.0, 16.0]


def test_a_wrong_password_while_the_record_is_open_is_answered_and_counted(record_path):
    """The record open (the writer lock held): a wrong password gets the usual answer and is
    kept in the key file, through the open session's own writes to it; the right password of
    another user is told the record is open elsewhere."""
    with login(record_path, "admin") as s:
        assert attempt(record_path, "mallory", "guess-1", Clock()) == WRONG
        s.reset_password("therapist", "a-new-password-1")   # the session rewrites the key file
        with pytest.raises(RecordLocked):
            open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF)
    with login(record_path, "admin") as s:
        failed = [e for e in s.audit_entries() if e["action"] == "login.failed"]
        assert [e["detail"].get("unknown_user") for e in failed] == [True]
        assert s.failure_tampering == []


# --- resetting the evidence --------------------------------------------------------------------
def _failures_then_consumed(path) -> None:
    """Three wrong attempts, consumed by a login; then four more, not consumed yet."""
    t = Clock()
    for i in range(3):
        attempt(path, "coordinator", f"guess-{i}", t)
    with login(path, "coordinator"):
        pass
    for i in range(4):
        attempt(path, "mallory" if i % 2 else "coordinator", f"guess-{i}", t)


def _reset_everything(data):       # every failure field the key file has, gone
    for key in ("failures", "consecutive_failures", "last_failure", "failure_log"):
        data.pop(key, None)


def _empty_the_list(data):         # the list emptied in place (or the old counters zeroed)
    if "failure_log" in data:
        data["failure_log"]["entries"] = []
    data["failures"], data["consecutive_failures"] = {}, 0


def _rewrite_an_entry(data):       # an attempt not consumed yet moved in time (or the old counters zeroed)
    if "failure_log" in data:
        data["failure_log"]["entries"][4]["at"] = "2026-12-01T20:00:00+00:00"
    data["failures"], data["consecutive_failures"] = {}, 0


def _drop_from_the_start(data):    # the oldest entries not yet consumed deleted
    if "failure_log" in data:
        del data["failure_log"]["entries"][3:5]
    data["failures"], data["consecutive_failures"] = {}, 0


@pytest.mark.parametrize("tamper, reason", [
    (_reset_everything, "reset"),
    (_empty_the_list, "reset"),
    (_rewrite_an_entry, "rewritten"),
    (_drop_from_the_start, "rewritten"),
])
def test_resetting_the_failure_records_is_reported_at_the_next_admin_login(record_path, tamper, reason):
    _failures_then_consumed(record_path)
    data = sidecar(record_path)
    tamper(data)
    write_sidecar(record_path, data)

    # A non-administrator logs in first: audited, and kept for the administrators.
    with login(record_path, "interviewer") as s:
        assert s.failure_tampering == []
    with login(record_path, "admin") as s:
        assert [n["reason"] for n in s.failure_tampering] == [reason]
        tampered = [e for e in s.audit_entries() if e["action"] == "login.failures_tampered"]
        assert [(e["detail"]["reason"], e["detail"]["record_saw"]) for e in tampered] == [(reason, 3)]
        assert tampered[0]["user_id"] is None
    with login(record_path, "admin") as s:   # reported once; the list is followed from here on
        assert s.failure_tampering == []


def test_a_key_file_left_alone_is_never_reported_as_tampered(record_path):
    _failures_then_consumed(record_path)
    with login(record_path, "medical"):
        pass
    t = Clock(T0 + timedelta(minutes=5))
    attempt(record_path, "no-such-person", "guess", t)
    with login(record_path, "admin") as s:
        assert s.failure_tampering == []
        assert [e for e in s.audit_entries() if e["action"] == "login.failures_tampered"] == []
        failed = [e for e in s.audit_entries() if e["action"] == "login.failed"]
        # Every attempt audited exactly once: 3 + 4 + 1.
        assert [e["detail"]["seq"] for e in failed] == [1, 2, 3, 4, 5, 6, 7, 8]
        assert s.failed_attempts != []   # the unknown names' attempts, shown to an administrator


def test_deleting_the_list_before_any_attempt_was_consumed_is_reported(record_path):
    """No attempt consumed yet (the record's anchor is the list's random base): a list deleted
    outright starts from another base, which does not pass through the anchor's hash."""
    for i in range(2):
        attempt(record_path, "mallory", f"guess-{i}", Clock())
    data = sidecar(record_path)
    _reset_everything(data)
    write_sidecar(record_path, data)
    with login(record_path, "admin") as s:
        assert [n["reason"] for n in s.failure_tampering] == ["rewritten"]


def test_a_lost_key_file_replaced_at_a_recovery_key_unlock_is_audited_not_reported(tmp_path):
    path, recovery = make_record(tmp_path)
    attempt(path, "coordinator", "guess", Clock())
    KeyFile.path_for(path).unlink()
    with open_record(path, "admin", recovery_key=recovery, kdf=FAST_KDF) as s:
        assert s.failure_tampering == []   # the recovery-key unlock's own note says the key file is new
        replaced = [e["detail"] for e in s.audit_entries() if e["action"] == "login.failures_tampered"]
    assert [(d["reason"], d["key_file_has"]) for d in replaced] == [("key_file_replaced", 0)]


APPENDER = """
import sys
from datetime import datetime, timezone
from barnahus_app.record.keyslots import note_failure
for _ in range(25):
    note_failure(sys.argv[1], "mallory", datetime.now(timezone.utc))
"""


def test_attempts_from_several_programs_at_once_are_all_kept(record_path):
    """Appends run without the writer lock, from any number of programs: the key file's short
    lock keeps every one of them, in one unbroken chain."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    procs = [subprocess.Popen([sys.executable, "-c", APPENDER, str(record_path)], env=env, cwd=str(REPO))
             for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    assert [e["seq"] for e in sidecar(record_path)["failure_log"]["entries"]] == list(range(1, 76))
    with login(record_path, "admin") as s:
        assert s.failure_tampering == []
        assert len([e for e in s.audit_entries() if e["action"] == "login.failed"]) == 75


def test_the_command_line_tells_an_administrator_too(record_path, capsys):
    from barnahus_app.cli_support import report_failures
    _failures_then_consumed(record_path)
    data = sidecar(record_path)
    _empty_the_list(data)
    write_sidecar(record_path, data)
    with login(record_path, "admin") as s:
        report_failures(s)
    err = capsys.readouterr().err
    assert "Note: the list of failed unlock attempts in the key file was changed outside Barnahus" in err
    assert "login.failures_tampered" in err
