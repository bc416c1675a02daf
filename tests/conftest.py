"""Shared fixtures. Every test uses real SQLCipher files in a temporary folder.

Key derivation: records made here use a cheap Argon2id profile (FAST_KDF) so the suite can unlock
hundreds of times; the production profile is measured by the benchmark and by test_keyslots."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from barnahus_app.api import KdfParams, create_record, open_record  # noqa: E402

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


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test touches the real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))
    (home / "tmp").mkdir()
    yield home


def make_record(folder: Path) -> tuple[Path, str]:
    """(path, recovery key) of a new record with an administrator 'admin' and one user per role
    (see ROLE_USERS)."""
    path = folder / "centre" / "record.barnahus"
    recovery = create_record(path, "admin", ADMIN_PASSWORD, "Administrator", "Test Centre", kdf=FAST_KDF)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        for name, roles in ROLE_USERS.items():
            s.add_user(name, name.title(), roles, STAFF_PASSWORD)
    return path, recovery


@pytest.fixture
def record_path(tmp_path) -> Path:
    return make_record(tmp_path)[0]


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


@pytest.fixture
def open_as(record_path):
    """open_as('coordinator') -> a Session, closed at the end of the test."""
    sessions = []

    def _open(username: str):
        pw = ADMIN_PASSWORD if username == "admin" else STAFF_PASSWORD
        s = open_record(record_path, username, pw, kdf=FAST_KDF)
        sessions.append(s)
        return s

    yield _open
    for s in sessions:
        s.close()


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


def login(path, username: str):
    """Open the record as one of make_record's users (their passwords are the fixed ones above)."""
    return open_record(path, username, ADMIN_PASSWORD if username == "admin" else STAFF_PASSWORD, kdf=FAST_KDF)


def raw(session):
    """A plain sqlcipher3 connection to the session's record, with its key: to look past the core."""
    import sqlcipher3
    from barnahus_app.record import storage
    conn = sqlcipher3.connect(str(session.record.path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute('PRAGMA key = "' + storage.raw_key_literal(session.record.key) + '"')
    return conn


def table_counts(session) -> dict:
    """Rows per table, the audit trail included: "nothing was written" means this is unchanged."""
    conn = raw(session)
    try:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
