"""Every connection the app opens has the safety PRAGMAs on, uses SQLCipher 4's default cipher
settings, and the file opens in a plain sqlcipher3 connection with the recovery key alone."""
from __future__ import annotations

import pytest
import sqlcipher3
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from barnahus_app.record import storage
from barnahus_app.api import create_record, open_record

from tests.support.records import ADMIN_PASSWORD, FAST_KDF


def _pragma(conn, name):
    return conn.exec_driver_sql("PRAGMA " + name).scalar()


def _set_global_log_level(level: str) -> None:
    """cipher_log_level is process-wide in SQLCipher: set it to something else first, so the
    test proves the engine sets NONE itself."""
    c = sqlcipher3.connect(":memory:")
    try:
        c.execute("PRAGMA cipher_log_level = " + level)
        assert c.execute("PRAGMA cipher_log_level").fetchone()[0] == level
    finally:
        c.close()


def test_connection_pragmas(open_as):
    s = open_as("admin")
    _set_global_log_level("WARN")
    s.record.engine.dispose()  # the next checkout is a new connection, whatever the pool
    with s.record.engine.connect() as conn:
        assert _pragma(conn, "foreign_keys") == 1
        assert _pragma(conn, "synchronous") == 2  # FULL
        assert _pragma(conn, "temp_store") == 2  # MEMORY: no plaintext temp files
        assert _pragma(conn, "secure_delete") == 1
        assert _pragma(conn, "busy_timeout") == 5000
        assert _pragma(conn, "cipher_log_level") == "NONE"


def test_every_new_connection_gets_the_pragmas(open_as):
    """Each new DBAPI connection must be set up, not only the first."""
    s = open_as("admin")
    connects = []
    event.listen(s.record.engine, "connect", lambda dbapi_conn, rec: connects.append(1))
    for _ in range(3):
        s.record.engine.dispose()
        with s.record.engine.connect() as conn:
            assert _pragma(conn, "foreign_keys") == 1
            assert _pragma(conn, "secure_delete") == 1
            assert _pragma(conn, "temp_store") == 2
    assert len(connects) == 3


def test_read_only_connections_get_the_pragmas_too(record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        with s.record.engine.connect() as conn:
            assert _pragma(conn, "foreign_keys") == 1
            assert _pragma(conn, "temp_store") == 2
            assert _pragma(conn, "secure_delete") == 1
            assert _pragma(conn, "query_only") == 0  # read-only comes from ?mode=ro, not this


def test_sqlcipher4_default_cipher_settings(open_as):
    """Defaults, so any SQLCipher 4 client opens the file with the raw key and nothing else."""
    s = open_as("admin")
    with s.record.engine.connect() as conn:
        assert _pragma(conn, "cipher_use_hmac") in ("1", 1)
        assert int(_pragma(conn, "cipher_page_size")) == 4096
        assert int(_pragma(conn, "kdf_iter")) == 256000
        assert _pragma(conn, "cipher_hmac_algorithm") == "HMAC_SHA512"
        assert _pragma(conn, "cipher_kdf_algorithm") == "PBKDF2_HMAC_SHA512"
        assert int(_pragma(conn, "cipher_plaintext_header_size")) == 0
        assert _pragma(conn, "cipher_version").startswith("4.")


def test_foreign_keys_are_enforced(open_as):
    """Not only reported as on: a dangling reference is refused."""
    s = open_as("admin")
    with s.record.engine.connect() as conn:
        fk_tables = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE '%REFERENCES users%'")]
    assert "user_roles" in fk_tables
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with s.record.engine.begin() as conn:
            conn.execute(text("INSERT INTO user_roles (user_id, role) VALUES (999999, 'admin')"))


def test_file_opens_with_recovery_key_in_raw_sqlcipher3(tmp_path):
    path = tmp_path / "raw" / "record.barnahus"
    recovery = create_record(path, "admin", ADMIN_PASSWORD, "Admin", "Centre", kdf=FAST_KDF)
    hexkey = recovery.replace("-", "")
    assert len(hexkey) == 64
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = \"x'" + hexkey + "'\"")
        assert conn.execute("PRAGMA application_id").fetchone()[0] == storage.APPLICATION_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"users", "persons", "audit_log", "alembic_version"} <= tables
        assert conn.execute("SELECT username FROM users").fetchall() == [("admin",)]
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        conn.close()
    # Same hex in lower case: SQLCipher reads either.
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = \"x'" + hexkey.lower() + "'\"")
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    finally:
        conn.close()


def test_file_does_not_open_with_another_key_or_none(record_path):
    for key in (None, "x'" + "00" * 32 + "'"):
        conn = sqlcipher3.connect(str(record_path))
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            if key:
                conn.execute('PRAGMA key = "' + key + '"')
            with pytest.raises(sqlcipher3.DatabaseError, match="not a database"):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


def test_no_plaintext_header_on_disk(record_path):
    head = record_path.read_bytes()[:4096]
    assert not head.startswith(storage.PLAIN_SQLITE_MAGIC)
    assert b"admin" not in record_path.read_bytes()
    assert b"Test Centre" not in record_path.read_bytes()


def test_probe_key_says_no_to_a_wrong_key_without_raising(record_path):
    assert not storage.probe_key(record_path, b"\x01" * 32)
    with pytest.raises(ValueError):
        storage.raw_key_literal(b"short")
