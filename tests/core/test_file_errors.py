"""Bad files and bad input: each gives a clear error and leaves the record byte-identical, with no
new file beside it but the `.lock`. Real SQLCipher files, real child processes, no mocks."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import event

from barnahus_app.api import (
    DiskFull, KdfParams, RecordFileError, RecordLocked, RecordReadOnly, SchemaTooNew,
    ValidationError, WrongCredentials, create_record, open_record,
)
from barnahus_app.record.keyslots import KeyFile
from barnahus_app.errors import RecordDamaged

from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, make_record

REPO = Path(__file__).resolve().parents[2]


# --- helpers ---------------------------------------------------------------------------------
@pytest.fixture
def rec(tmp_path):
    """(path, recovery key) of a record like conftest's record_path."""
    return make_record(tmp_path)


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under folder (recursively), by relative path, with its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_untouched(path: Path, before: dict[str, str], keys_before: bytes | None = None) -> None:
    """The record byte-identical, no new file but the .lock, nothing gone. With keys_before, the
    key file may differ only in its failed-attempt count (a refused recovery key is counted)."""
    after = folder_state(path.parent)
    lock = path.name + ".lock"
    extra = set(after) - set(before) - {lock}
    assert not extra, f"new files beside the record: {extra}"
    assert set(before) <= set(after), f"files gone: {set(before) - set(after)}"
    keys = KeyFile.path_for(path)
    for name, digest in before.items():
        if keys_before is not None and name == keys.name and after[name] != digest:
            old, new = json.loads(keys_before), json.loads(keys.read_bytes())
            assert old["users"] == new["users"] and old["format"] == new["format"]
            assert len(new["failure_log"]["entries"]) > len(old.get("failure_log", {}).get("entries", []))
            continue
        assert after[name] == digest, f"{name} changed"


def open_fails(path, exc, *words, recovery=None, **kw):
    """Open with the admin password (and, if given, the recovery key); both must raise exc with
    all the words in its message. Returns the messages."""
    attempts = [{"password": ADMIN_PASSWORD}]
    if recovery:
        attempts.append({"recovery_key": recovery})
    messages = []
    for how in attempts:
        with pytest.raises(exc) as ei:
            open_record(path, "admin", kdf=FAST_KDF, **how, **kw)
        msg = str(ei.value)
        for w in words:
            assert w.lower() in msg.lower(), (w, msg)
        assert ADMIN_PASSWORD not in msg
        if recovery:
            assert recovery.replace("-", "").lower() not in msg.lower()
        messages.append(msg)
    return messages


def loud_sqlcipher_log():
    """cipher_log_level is process-wide: turn it up so a test proves our code silences it."""
    c = sqlcipher3.connect(":memory:")
    c.execute("PRAGMA cipher_log_level = WARN")
    c.close()


def replace_content(path: Path, data: bytes) -> tuple[dict[str, str], bytes]:
    path.write_bytes(data)
    return folder_state(path.parent), KeyFile.path_for(path).read_bytes()


# --- the record file ---------------------------------------------------------------------------
def test_empty_file(rec, capfd):
    path, recovery = rec
    before, keys_before = replace_content(path, b"")
    loud_sqlcipher_log()
    open_fails(path, RecordFileError, "empty", "backup", recovery=recovery)
    assert_untouched(path, before, keys_before)
    assert path.stat().st_size == 0
    assert capfd.readouterr().err == ""


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere" / "record.barnahus"
    with pytest.raises(RecordFileError, match="There is no record"):
        open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    assert not path.parent.exists()


def test_truncated_file(rec, capfd):
    path, recovery = rec
    data = path.read_bytes()
    assert len(data) > 3 * 4096
    cut = 3 * 4096 + 1000
    before, keys_before = replace_content(path, data[:cut])
    loud_sqlcipher_log()
    msgs = open_fails(path, RecordFileError, "truncated", "untouched", "backup", recovery=recovery)
    assert str(cut) in msgs[0]
    assert_untouched(path, before, keys_before)
    assert capfd.readouterr().err == ""


def test_file_cut_at_a_page_boundary(rec):
    """A copy that stopped between pages: the size looks right, the content is not there."""
    path, recovery = rec
    before, keys_before = replace_content(path, path.read_bytes()[:2 * 4096])
    open_fails(path, RecordFileError, "damaged", "untouched", recovery=recovery)
    assert_untouched(path, before, keys_before)


@pytest.mark.parametrize("offset, error, says", [
    # The salt derives every page's HMAC key: no page verifies, so nothing tells damage from another record.
    (5, RecordFileError, "password is right"),
    # The key still verifies every other page: the record is named damaged, with what to do.
    (100, RecordDamaged, "damaged at its start"),
    (4000, RecordDamaged, "damaged at its start"),
], ids=["salt", "page-1-body", "page-1-hmac"])
def test_one_corrupted_byte_in_the_first_page(rec, capfd, offset, error, says):
    path, recovery = rec
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    before, keys_before = replace_content(path, bytes(data))
    loud_sqlcipher_log()
    pw_msg, rk_msg = open_fails(path, error, "damaged", "untouched", recovery=recovery)
    assert says in pw_msg
    assert_untouched(path, before, keys_before)
    assert capfd.readouterr().err == ""


def test_corrupted_byte_in_a_later_page_is_found_by_check(rec):
    """Page 1 opens, so the record does; `check` must name the damaged page."""
    path, _ = rec
    data = bytearray(path.read_bytes())
    last_page = len(data) // 4096 - 1
    data[last_page * 4096 + 200] ^= 0x01
    path.write_bytes(bytes(data))
    with open_record(path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        report = s.check()
    assert not report.ok
    assert report.cipher_problems
    assert any(str(last_page + 1) in p for p in report.cipher_problems), report.cipher_problems


@pytest.mark.parametrize("size", [8192, 5000], ids=["whole-pages", "odd-size"])
def test_foreign_file_of_random_bytes(rec, capfd, size):
    path, recovery = rec
    before, keys_before = replace_content(path, os.urandom(size))
    loud_sqlcipher_log()
    words = ("not a barnahus record",) if size % 4096 else ("damaged",)
    open_fails(path, RecordFileError, "untouched", *words, recovery=recovery)
    assert_untouched(path, before, keys_before)
    assert capfd.readouterr().err == ""


def test_plain_unencrypted_sqlite_database(rec):
    path, recovery = rec
    path.unlink()
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE children (name TEXT)")
    plain.execute("INSERT INTO children VALUES ('Plain Text')")
    plain.commit()
    plain.close()
    before = folder_state(path.parent)
    open_fails(path, RecordFileError, "unencrypted SQLite", "not a Barnahus record", "untouched",
               recovery=recovery)
    assert_untouched(path, before)
    # Still a plain SQLite file with its content.
    assert sqlite3.connect(path).execute("SELECT name FROM children").fetchall() == [("Plain Text",)]


def test_sqlcipher_database_that_is_not_a_record(rec):
    """Encrypted with the right key but not made by Barnahus (no application_id)."""
    path, recovery = rec
    path.unlink()
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = \"x'" + recovery.replace("-", "") + "'\"")
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    before = folder_state(path.parent)
    open_fails(path, RecordFileError, "not a Barnahus record", "untouched", recovery=recovery)
    assert_untouched(path, before)


def test_a_folder_where_the_record_should_be(tmp_path):
    path = tmp_path / "record.barnahus"
    path.mkdir()
    with pytest.raises(RecordFileError, match="is not a file"):
        open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)


def test_folder_names_with_uri_characters(tmp_path):
    """'#', '?' and '%' in a folder name must not cut the path short (SQLite URIs)."""
    folder = tmp_path / "Case #12 ? 50% done"
    path = folder / "record.barnahus"
    recovery = create_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert s.check().ok
    with open_record(path, "admin", recovery_key=recovery, read_only=True, kdf=FAST_KDF) as s:
        assert s.check().ok
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # no stray files
    assert sorted(p.name for p in folder.iterdir()) == [   # backups: the automatic one on closing
        "backups", "record.barnahus", "record.barnahus.keys", "record.barnahus.lock"]


# --- the key file ------------------------------------------------------------------------------
def _damaged_keyfiles(good: bytes) -> dict[str, bytes]:
    d = json.loads(good)
    admin = d["users"]["admin"]

    def variant(**changes):
        return json.dumps({**d, **changes}).encode()

    def admin_slot(**changes):
        return variant(users={**d["users"], "admin": {**admin, **changes}})

    return {
        "empty": b"",
        "garbage": os.urandom(300),
        "cut short": good[:-25],
        "json list": b"[1, 2, 3]",
        "other format": variant(format="something-else/9"),
        "users not a map": variant(users=["admin"]),
        "failures not a map": variant(failures=["2026-01-01"]),
        "failure count not a number": variant(consecutive_failures="many"),
        "last failure not a time": variant(consecutive_failures=5, last_failure="yesterday"),
        "slot not a map": variant(users={**d["users"], "admin": "nonsense"}),
        "slot without kdf": admin_slot(kdf=None),
        "unknown kdf": admin_slot(kdf={**admin["kdf"], "alg": "scrypt"}),
        "absurd kdf memory": admin_slot(kdf={**admin["kdf"], "m": 2 ** 40}),
        "bad base64": admin_slot(private_key={"nonce": "!!", "ct": "!!"}),
        "sealed not a list": admin_slot(sealed="x"),
    }


KEYFILE_CASES = list(_damaged_keyfiles(json.dumps(
    {"format": "barnahus-keyslots/1", "users": {"admin": {"kdf": {}}}, "failures": {}}).encode()))


@pytest.mark.parametrize("case", KEYFILE_CASES)
def test_damaged_key_file(rec, capfd, case):
    path, recovery = rec
    keys = KeyFile.path_for(path)
    damaged = _damaged_keyfiles(keys.read_bytes())[case]
    keys.write_bytes(damaged)
    try:
        KeyFile.load(path)
        loads = True  # the damage is inside a slot, found when the slot is used
    except RecordFileError:
        loads = False
    before = folder_state(path.parent)
    with pytest.raises(RecordFileError) as ei:
        open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    msg = str(ei.value)
    assert "key file" in msg.lower() or "key slot" in msg.lower() or "does not open" in msg, msg
    assert_untouched(path, before)
    # The recovery key still opens the record. A key file that does not load is kept aside
    # as <record>.keys.damaged; one with a damaged slot loads, and keeps its slots as they are.
    with open_record(path, "admin", recovery_key=recovery, kdf=FAST_KDF) as s:
        assert s.check().ok
    copy = keys.with_name(keys.name + ".damaged")
    assert copy.exists() is not loads
    if loads:
        assert json.loads(keys.read_bytes())["users"] == json.loads(damaged)["users"]
    else:
        assert copy.read_bytes() == damaged
    assert capfd.readouterr().err == ""


def test_missing_key_file_with_a_password(rec):
    path, _ = rec
    KeyFile.path_for(path).unlink()
    before = folder_state(path.parent)
    msg = open_fails(path, RecordFileError, "key file", "missing", "recovery key")[0]
    assert KeyFile.path_for(path).name in msg
    assert_untouched(path, before)
    assert not KeyFile.path_for(path).exists()


def test_key_file_of_another_record(rec, tmp_path):
    path, _ = rec
    other = tmp_path / "other" / "record.barnahus"
    create_record(other, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    KeyFile.path_for(path).write_bytes(KeyFile.path_for(other).read_bytes())
    before = folder_state(path.parent)
    open_fails(path, RecordFileError, "password is right", "another record", "untouched")
    assert_untouched(path, before)


# --- another process has it open -------------------------------------------------------------
HOLDER = textwrap.dedent("""
    import sys
    from barnahus_app.api import KdfParams, open_record
    s = open_record(sys.argv[1], "coordinator", sys.argv[2],
                    kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1))
    print("ready", flush=True)
    sys.stdin.readline()
    s.close()
    print("closed", flush=True)
""")


def start_holder(path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), STAFF_PASSWORD], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=str(REPO))
    line = proc.stdout.readline()
    if line.strip() != "ready":
        proc.kill()
        raise AssertionError(f"holder did not start: {line!r} {proc.stderr.read()}")
    return proc


def test_record_open_for_writing_in_another_process(rec):
    path, recovery = rec
    proc = start_holder(path)
    try:
        before = folder_state(path.parent)
        keys_before = KeyFile.path_for(path).read_bytes()
        msgs = open_fails(path, RecordLocked, "already open", "close it there", recovery=recovery)
        assert len(set(msgs)) == 1
        # A wrong password is checked before the writer lock is taken: the same answer as when
        # the record is closed, and counted in the key file while the holder has it open.
        with pytest.raises(WrongCredentials):
            open_record(path, "admin", "wrong-password", kdf=FAST_KDF)
        assert_untouched(path, before, keys_before)
        # Reading alongside the writer is allowed.
        with open_record(path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
            assert s.check().ok
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "closed"
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert len(s.failed_attempts) == 1   # kept through the holder's session


def test_lock_of_a_killed_process_is_released(rec):
    path, _ = rec
    proc = start_holder(path)
    try:
        with pytest.raises(RecordLocked):
            open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert s.check().ok


# --- a write interrupted by a crash --------------------------------------------------------------
CRASHER = textwrap.dedent("""
    import os, sys, sqlcipher3
    c = sqlcipher3.connect(sys.argv[1], isolation_level=None)
    c.execute("PRAGMA key = \\"x'" + sys.argv[2] + "'\\"")
    c.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
    c.execute("BEGIN IMMEDIATE")
    c.execute("UPDATE record_meta SET value = 'half-written' WHERE key = 'centre_name'")
    c.execute("CREATE TABLE junk (x)")
    for i in range(300):
        c.execute("INSERT INTO junk VALUES (?)", ("y" * 3000,))
    os.kill(os.getpid(), 9)
""")


def test_hot_journal_after_a_crash(rec):
    """A writer killed mid-transaction leaves a hot journal. A read-only connection cannot roll
    it back; the writable open (holding the lock) must, instead of calling the file damaged."""
    path, recovery = rec
    size_before = path.stat().st_size
    proc = subprocess.run([sys.executable, "-c", CRASHER, str(path), recovery.replace("-", "")],
                          capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0 and path.stat().st_size > size_before
    before = folder_state(path.parent)
    with pytest.raises(RecordFileError) as ei:
        open_record(path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF)
    assert "interrupted" in str(ei.value) and "not read-only" in str(ei.value)
    assert_untouched(path, before)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert s.record_info()["centre_name"] == "Test Centre"
        assert s.check().ok
        with s.record.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'junk'").scalar() == 0
    assert not journal.exists()


# --- read-only -----------------------------------------------------------------------------------
def test_read_only_open_refuses_every_write(rec):
    path, _ = rec
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        pid = s.create_person(given_name="Already", family_name="There", acknowledge_duplicates=True)
    before = folder_state(path.parent)
    writes = {
        "create person": lambda s: s.create_person(given_name="New", acknowledge_duplicates=True),
        "update person": lambda s: s.update_person(pid, notes="changed"),
        "change password": lambda s: s.change_own_password(STAFF_PASSWORD, "a brand new passphrase"),
        # Every read of case content is audited: without an audit entry there is no read.
        "read person": lambda s: s.get_person(pid),
    }
    with open_record(path, "coordinator", STAFF_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        assert s.record.read_only
        for label, write in writes.items():
            with pytest.raises(RecordReadOnly) as ei:
                write(s)
            assert "read-only" in str(ei.value) and "not saved" in str(ei.value), label
        # What needs no write still works.
        assert s.record_info()["centre_name"] == "Test Centre"
        assert s.check().ok
    with open_record(path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        for write in (lambda: s.add_user("late", "Late", ["medical"], "late-password-1"),
                      lambda: s.reset_password("medical", "medical-password-2"),
                      lambda: s.rotate_record_key()):
            with pytest.raises(RecordReadOnly):
                write()
    assert folder_state(path.parent) == before  # not even a lock file or a key-file write
    # The refused password change did not happen.
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert s.get_person(pid)["notes"] is None


def test_read_only_connection_is_really_read_only(rec):
    """?mode=ro on the connection itself, not only a flag our code checks."""
    path, _ = rec
    before = folder_state(path.parent)
    with open_record(path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        with pytest.raises(RecordReadOnly):
            with s.record.transaction() as conn:
                conn.exec_driver_sql("UPDATE record_meta SET value = 'x' WHERE key = 'centre_name'")
    assert folder_state(path.parent) == before


# --- disk full -----------------------------------------------------------------------------------
def test_disk_full_keeps_everything_committed(rec):
    path, _ = rec
    note = "Ä" + "n" * 4998 + "ø"
    s = open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF)
    try:
        saved = {s.create_person(given_name=f"Before{i}", notes=note, acknowledge_duplicates=True): i
                 for i in range(3)}

        def no_growth(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            pages = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count = {pages}")
            cur.close()

        event.listen(s.record.engine, "connect", no_growth)
        s.record.engine.dispose()  # a pooled connection would not see the listener
        full = None
        for i in range(200):
            try:
                saved[s.create_person(given_name=f"During{i}", notes=note,
                                      acknowledge_duplicates=True)] = i
            except DiskFull as e:
                full = e
                break
        assert full is not None, "200 persons of 5 kB never filled a record that cannot grow"
        assert "disk is full" in str(full).lower() and "nothing was saved" in str(full).lower()
        assert note not in str(full)
        # The failed change left nothing behind, and later changes fail the same clear way.
        with pytest.raises(DiskFull):
            s.create_person(given_name="Again", notes=note, acknowledge_duplicates=True)
        event.remove(s.record.engine, "connect", no_growth)
        s.record.engine.dispose()  # max_page_count is per connection: new ones have no limit

        for pid in saved:
            assert s.get_person(pid)["notes"] == note
        with s.record.engine.connect() as conn:
            names = {r[0] for r in conn.exec_driver_sql("SELECT given_name FROM persons")}
        assert not any(n.startswith("Again") for n in names)
        assert len([n for n in names if n.startswith(("Before", "During"))]) == len(saved)
        assert s.check().ok
    finally:
        s.close()
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert s.check().ok


# --- a newer schema ------------------------------------------------------------------------------
def test_schema_newer_than_this_version(rec):
    path, recovery = rec
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = \"x'" + recovery.replace("-", "") + "'\"")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = folder_state(path.parent)
    open_fails(path, SchemaTooNew, "newer version", "9999_from_the_future", "untouched",
               recovery=recovery)
    with pytest.raises(SchemaTooNew):
        open_record(path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF)
    assert_untouched(path, before)
    assert not (path.parent / "backups").exists()


# --- input limits ----------------------------------------------------------------------------
LONG = "x" * 10_000


@pytest.mark.parametrize("field,value", [
    ("given_name", ""), ("given_name", "   "), ("given_name", LONG),
    ("family_name", LONG), ("other_names", LONG), ("phone", LONG),
    ("notes", "n" * 100_001), ("address", LONG),
])
def test_person_fields_out_of_bounds_name_the_field(open_as, field, value):
    s = open_as("coordinator")
    values = {"given_name": "Valid", field: value}
    with pytest.raises(ValidationError) as ei:
        s.create_person(acknowledge_duplicates=True, **values)
    assert ei.value.field == field
    assert str(ei.value).startswith(field + ":")
    assert len(str(ei.value)) < 120  # the message does not echo what was typed
    with s.record.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM persons").scalar() == 0


def test_long_note_within_limits_is_stored_exactly(open_as):
    s = open_as("coordinator")
    unit = "Åsa sade: \"nej\" – 'kanske' \\ 🧸 עברית العربية\n"
    note = (unit * (10_000 // len(unit) + 1))[:9_999] + "."
    assert len(note) == 10_000
    pid = s.create_person(given_name="Long", notes=note, acknowledge_duplicates=True)
    assert s.get_person(pid)["notes"] == note


@pytest.mark.parametrize("username,display,password,field", [
    ("", "Someone", STAFF_PASSWORD, "user name"),
    ("   ", "Someone", STAFF_PASSWORD, "user name"),
    ("u" * 10_000, "Someone", STAFF_PASSWORD, "user name"),
    ("has space", "Someone", STAFF_PASSWORD, "user name"),
    ("newuser", "", STAFF_PASSWORD, "display name"),
    ("newuser", LONG, STAFF_PASSWORD, "display name"),
    ("newuser", "Someone", "", "password"),
    ("newuser", "Someone", "short", "password"),
    ("newuser", "Someone", "p" * 10_000, "password"),
    ("newuser", "Someone", "\udcc5sa-password-from-a-latin1-terminal", "password"),
])
def test_account_fields_out_of_bounds_name_the_field(open_as, record_path, username, display,
                                                     password, field):
    s = open_as("admin")
    keys_before = KeyFile.path_for(record_path).read_bytes()
    users_before = len(s.list_users())
    with pytest.raises(ValidationError) as ei:
        s.add_user(username, display, ["medical"], password)
    assert ei.value.field == field
    assert str(ei.value).startswith(field + ":")
    if password:
        assert password[:20] not in str(ei.value)
    assert len(s.list_users()) == users_before
    assert KeyFile.path_for(record_path).read_bytes() == keys_before


@pytest.mark.parametrize("username,password", [
    ("", ADMIN_PASSWORD), ("admin", ""), ("u" * 10_000, ADMIN_PASSWORD), ("admin", "p" * 10_000),
    ("admin", "\udcff-not-valid-text"), ("a\x00dmin", ADMIN_PASSWORD),
])
def test_odd_login_input_is_just_a_wrong_login(record_path, username, password):
    with pytest.raises(WrongCredentials) as ei:
        open_record(record_path, username, password, kdf=FAST_KDF)
    assert str(ei.value) == "Wrong user name or password."


def test_create_record_validates_before_writing(tmp_path):
    for user, pw, field in [("", ADMIN_PASSWORD, "user name"), ("admin", "", "password"),
                            ("admin", "p" * 10_000, "password"), ("a" * 10_000, ADMIN_PASSWORD, "user name")]:
        with pytest.raises(ValidationError) as ei:
            create_record(tmp_path / "new" / "record.barnahus", user, pw, kdf=FAST_KDF)
        assert ei.value.field == field
    assert not (tmp_path / "new").exists()


def test_create_record_refuses_to_overwrite(rec):
    path, _ = rec
    before = folder_state(path.parent)
    with pytest.raises(RecordFileError, match="already exists"):
        create_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    assert folder_state(path.parent) == before


# --- odd text ------------------------------------------------------------------------------------
def test_odd_text_is_stored_as_given(open_as):
    s = open_as("coordinator")
    cases = {
        # RTL scripts, stored and read back exactly.
        ("مريم", "כהן"): ("مريم", "כהן"),
        # Combining characters: NFD typed, NFC stored (so search and duplicates match).
        ("Zoe\u0308", "A\u030Angstro\u0308m"): ("Zoë", "Ångström"),
        # Emoji, including a ZWJ sequence and a skin-tone modifier.
        ("Ella 🧸", "👩🏽‍⚕️"): ("Ella 🧸", "👩🏽‍⚕️"),
    }
    for (given, family), (want_given, want_family) in cases.items():
        pid = s.create_person(given_name=given, family_name=family, notes=given + "\n" + family,
                              acknowledge_duplicates=True)
        p = s.get_person(pid)
        assert (p["given_name"], p["family_name"]) == (want_given, want_family)
        assert p["notes"] == want_given + "\n" + want_family
    # The NFC-stored name is found whichever form is searched.
    found = s.find_similar_persons("Zoë", "Ångström", None)
    assert [r["given_name"] for r in found] == ["Zoë"]


@pytest.mark.parametrize("field,value", [
    ("given_name", "Nul\x00Byte"), ("notes", "before\x00after"), ("family_name", "\x00"),
    ("given_name", "Two\nLines"), ("notes", "bell\x07"),
])
def test_control_characters_are_refused(open_as, field, value):
    s = open_as("coordinator")
    values = {"given_name": "Valid", field: value}
    with pytest.raises(ValidationError) as ei:
        s.create_person(acknowledge_duplicates=True, **values)
    assert ei.value.field == field
    assert "control characters" in str(ei.value)


def test_line_breaks_and_tabs_are_kept_in_notes(open_as):
    s = open_as("coordinator")
    pid = s.create_person(given_name="Tabs", notes="one\ttab\r\ntwo\nthree",
                          acknowledge_duplicates=True)
    assert s.get_person(pid)["notes"] == "one\ttab\r\ntwo\nthree"


def test_text_that_is_not_valid_unicode_is_refused(open_as):
    s = open_as("coordinator")
    with pytest.raises(ValidationError) as ei:
        s.create_person(given_name="Valid", notes="latin-1 terminal \udcc5",
                        acknowledge_duplicates=True)
    assert ei.value.field == "notes"


def test_kdf_params_in_the_key_file_are_bounded():
    """A damaged or hostile key file cannot ask Argon2 for terabytes."""
    with pytest.raises(RecordFileError):
        KdfParams.from_dict({"alg": "argon2id", "t": 1, "m": 2 ** 40, "p": 1})
    with pytest.raises(RecordFileError):
        KdfParams.from_dict({"alg": "argon2id", "t": 0, "m": 8192, "p": 1})
    with pytest.raises(RecordFileError):
        KdfParams.from_dict({"alg": "argon2id", "t": "x", "m": 8192, "p": 1})
    assert KdfParams.from_dict(KdfParams().as_dict()) == KdfParams()
