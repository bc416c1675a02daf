"""Records for tests: the fixed users and passwords, a record made once per test session and
copied per test, logging in, and looking past the core at the SQLCipher file.

Key derivation: records made here use a cheap Argon2id profile (FAST_KDF) so the suite can unlock
hundreds of times; the production profile is measured by the benchmark and by test_keyslots."""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from barnahus_app.record import keyslots
from barnahus_app.api import KdfParams, create_record, open_record

FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
ADMIN_PASSWORD = "admin-password-1"
STAFF_PASSWORD = "staff-password-1"
ROLE_USERS = {
    "coordinator": ["coordinator"],
    "interviewer": ["interviewer"],
    "medical": ["medical"],
    "therapist": ["therapist"],
    "liaison": ["liaison"],
}
RECORD_FOLDER, RECORD_NAME = "centre", "record.barnahus"

# Where make_record keeps the record it copies: set once per test session (per xdist worker) by
# tests/conftest.py, filled on first use. None (outside pytest): every record is made anew.
_template = {"folder": None, "recovery": None}


def use_template_folder(folder: Path) -> None:
    _template.update(folder=Path(folder), recovery=None)


def build_record(folder: Path) -> tuple[Path, str]:
    """(path, recovery key) of a NEW record at folder/centre/record.barnahus, with its own keys:
    an administrator 'admin' and one user per role (see ROLE_USERS)."""
    path = Path(folder) / RECORD_FOLDER / RECORD_NAME
    recovery = create_record(path, "admin", ADMIN_PASSWORD, "Administrator", "Test Centre", kdf=FAST_KDF)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        for name, roles in ROLE_USERS.items():
            s.add_user(name, name.title(), roles, STAFF_PASSWORD)
        # Tests about other things close records all the time: no automatic backup there
        # (tests/core/test_automatic_backups.py turns it on).
        s.set_setting("backup_interval_hours", 0)
    # The first unlock by a user the interviewer's notes section is granted to creates it and
    # shows its recovery key once (record/sections.py); every test record starts after that, as
    # a record in use does, with the key kept here (section_recovery_key).
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        _section_recovery[path.resolve()] = dict(s.section_recovery_keys)
    return path, recovery


# {record path: {section: its recovery key}} of the records build_record made (and their copies)
_section_recovery: dict[Path, dict[str, str]] = {}


def section_recovery_key(path, section: str) -> str:
    """The recovery key of a sealed section of a record build_record or make_record made."""
    return _section_recovery[Path(path).resolve()][section]


def make_record(folder: Path) -> tuple[Path, str]:
    """(path, recovery key) of a record like build_record's at folder/centre/record.barnahus: a copy
    of one made once per session, so every test's record has the SAME record key, key slots and
    record id. A test about a second, different record makes it with create_record."""
    if _template["folder"] is None:
        return build_record(folder)
    if _template["recovery"] is None:
        _template["recovery"] = build_record(_template["folder"])[1]
    copy = copy_record_folder(_template["folder"] / RECORD_FOLDER, Path(folder) / RECORD_FOLDER)
    _section_recovery[(copy / RECORD_NAME).resolve()] = _section_recovery[
        (_template["folder"] / RECORD_FOLDER / RECORD_NAME).resolve()]
    return copy / RECORD_NAME, _template["recovery"]


def copy_record_folder(src: Path, dst: Path) -> Path:
    """A copy of a folder holding a closed record (the record file, its .keys file and anything
    else in it) at dst, for a test to change freely. The .lock file is left behind: it is the
    opener's, and opening makes a new one."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.lock"))
    return dst


OLD_RECORDS = Path(__file__).resolve().parents[1] / "fixtures" / "records"


def old_fixture(revision: str, folder: Path) -> tuple[Path, dict]:
    """A copy of the old-record fixture of `revision` (tests/fixtures/records/v<revision>) in
    folder: (the record's path, its manifest). Opening it upgrades the copy, never the fixture."""
    import json
    src = OLD_RECORDS / f"v{revision}"
    m = json.loads((src / "fixture.json").read_text("utf-8"))
    for f in (m["record"], m["record"] + ".keys"):
        shutil.copyfile(src / f, folder / f)
    return folder / m["record"], m


def login(path, username: str):
    """Open the record as one of make_record's users (their passwords are the fixed ones above)."""
    return open_record(path, username, ADMIN_PASSWORD if username == "admin" else STAFF_PASSWORD, kdf=FAST_KDF)


@contextmanager
def cheap_argon2():
    """Every Argon2 derivation at FAST_KDF's cost, whatever cost a key slot names: for code that
    always uses the production profile (the command line's init, demo and users add), so its
    tests unlock quickly. The slots still name the production profile, so only this process,
    while this lasts, opens them."""
    derive = keyslots._derive_kek
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyslots, "_derive_kek", lambda password, salt, _params: derive(password, salt, FAST_KDF))
        yield


def sample_case(session, **overrides) -> dict:
    """A case with one child and one alleged offender, made through the core."""
    child = session.create_person(given_name="Testa", family_name="Exampledottir",
                                  date_of_birth="2014-05-06", dob_status="claimed",
                                  acknowledge_duplicates=True)
    offender = session.create_person(given_name="Alleged", family_name="Exampleson",
                                     date_of_birth="1979-01-02", acknowledge_duplicates=True)
    values = dict(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE",
                  abuse_forms=["sexual_abuse_extrafamilial"], triage_level="urgent")
    values.update(overrides)
    case = session.create_case(**values)
    session.add_child(case["id"], child, "victim")
    session.add_party(case["id"], offender, "alleged_offender", "family_friend", child)
    session.set_no_contact(child, offender, "alleged offender")
    return {**case, "child_id": child, "offender_id": offender}


def fill_the_disk(engine):
    """From now on the record cannot grow (PRAGMA max_page_count on every new connection), as
    on a full disk. Returns the listener, for event.remove()."""
    from sqlalchemy import event

    def no_growth(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {pages}")
        cur.close()
    event.listen(engine, "connect", no_growth)
    engine.dispose()  # a pooled connection would not see the listener
    return no_growth


def raw(session):
    """A plain sqlcipher3 connection to the session's record, with its key: to look past the core."""
    import sqlcipher3
    from barnahus_app.record import storage
    conn = sqlcipher3.connect(str(session.record.path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute('PRAGMA key = "' + storage.raw_key_literal(session.record.key) + '"')
    return conn


@contextmanager
def raw_closed(path, recovery: str):
    """A plain sqlcipher3 connection to a record no one has open, keyed with its recovery key: to
    look past the core without logging in (a login would add to the audit trail)."""
    import sqlcipher3
    from barnahus_app.record import storage
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute('PRAGMA key = "' + storage.raw_key_literal(keyslots.parse_recovery_key(recovery)) + '"')
        yield conn
    finally:
        conn.close()


def audit_length(path, recovery: str) -> int:
    with raw_closed(path, recovery) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def table_counts(session) -> dict:
    """Rows per table, the audit trail included: "nothing was written" means this is unchanged."""
    conn = raw(session)
    try:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def case_with_recording(path, folder: Path, size: int = 150_000) -> dict:
    """On make_record's record: a room, sample_case's case, one interview held in it and a
    recording of it registered (random bytes at folder/interview.mp4). Returns the case with
    "interview", "recording" and "media" (the file's path)."""
    import os
    with login(path, "admin") as a:
        room = a.create_room("Blue room", "interview")
    with login(path, "coordinator") as c:
        case = sample_case(c)
        iv_user = c.interviewers()[0]["id"]
    with login(path, "interviewer") as s:
        iv = s.plan_interview(case["id"], case["child_id"], "2026-03-10T10:00", 60, room, iv_user,
                              time_zone="Europe/Stockholm")
        s.record_interview(iv, actual_start="2026-03-10T10:03", actual_end="2026-03-10T10:58")
        media = Path(folder) / "interview.mp4"
        media.write_bytes(os.urandom(size))
        rid = s.register_recording(iv, media, label="Master")
    return {**case, "interview": iv, "recording": rid, "media": media}


# The demo's follow-up rules its bulk generators write (fixed timestamps, the same for the same
# seed): not those of the psychosocial demo, which the core's calls stamp with the time.
DEMO_BULK_RULES = ("SELECT * FROM followup_rules WHERE id NOT IN (SELECT followup_rule_id FROM psychosocial_rescreens)"
                   " AND id NOT IN (SELECT followup_rule_id FROM recovery_goals WHERE followup_rule_id IS NOT NULL)"
                   " ORDER BY id")


@contextmanager
def demo_queries(path: Path, password: str):
    """q(sql, **params) -> rows, read from a demo record by its administrator (read only, beside
    the sessions of the tests); the session is closed afterwards."""
    from sqlalchemy import text
    s = open_record(path, "admin", password, kdf=FAST_KDF, read_only=True)

    def q(sql, **params):
        with s.record.engine.connect() as conn:
            return conn.execute(text(sql), params).all()
    try:
        yield q
    finally:
        s.close()
