"""Accounts: a failed change keeps the old password; the last administrator stays."""
import pytest
from sqlalchemy import event

from barnahus_app.api import DiskFull, ValidationError, WrongCredentials, open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, fill_the_disk


def test_a_password_change_that_cannot_be_saved_keeps_the_old_password(record_path):
    s = open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF)
    try:
        # Fill the last free pages so the change's audit entry cannot be written.
        listener = fill_the_disk(s.record.engine)
        for size in (4000, 400, 40, 1):  # big rows first, then ever smaller, until nothing fits
            with pytest.raises(DiskFull):
                for i in range(2000):
                    last = s.create_person(given_name=f"F{size}-{i}", notes="x" * size, acknowledge_duplicates=True)
        with pytest.raises(DiskFull):   # and the audit trail's last page: entries alone, until none fits
            for _ in range(2000):
                s.get_person(last)
        with pytest.raises(DiskFull):
            s.change_own_password(STAFF_PASSWORD, "a-brand-new-password")
        event.remove(s.record.engine, "connect", listener)
        s.record.engine.dispose()
        s.record.keyfile.save()  # a later save in the same session must not carry the failed change
    finally:
        s.close()
    open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF).close()
    with pytest.raises(WrongCredentials):
        open_record(record_path, "coordinator", "a-brand-new-password", kdf=FAST_KDF)


def test_the_last_administrator_cannot_be_removed(open_as):
    s = open_as("admin")
    with pytest.raises(ValidationError, match="at least one active administrator"):
        s.set_roles("admin", ["coordinator"])
    with pytest.raises(ValidationError, match="at least one active administrator"):
        s.set_active("admin", False)
    assert s.roles_of("admin") == ["admin"]


def test_direction_overrides_are_refused_in_names(open_as):
    s = open_as("coordinator")
    with pytest.raises(ValidationError) as e:
        s.create_person(given_name="Anna\u202eannA", acknowledge_duplicates=True)
    assert e.value.field == "given_name"
    pid = s.create_person(given_name="مريم", family_name="Exampleson", acknowledge_duplicates=True)
    assert s.get_person(pid)["given_name"] == "مريم"


def test_an_admin_password_reset_lets_the_user_in_with_the_new_password_only(record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.reset_password("medical", "reset-by-admin-1")
    with pytest.raises(WrongCredentials):
        open_record(record_path, "medical", STAFF_PASSWORD, kdf=FAST_KDF)
    open_record(record_path, "medical", "reset-by-admin-1", kdf=FAST_KDF).close()


def test_a_wrong_current_password_changes_nothing_and_leaves_a_trace(record_path):
    from tests.support.records import raw
    with open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        with pytest.raises(WrongCredentials):
            s.change_own_password("not my password 1", "a-brand-new-password")
        conn = raw(s)
        try:
            trace = conn.execute("SELECT username, action, detail FROM audit_log "
                                 "WHERE action LIKE 'user.password%' ORDER BY id").fetchall()
        finally:
            conn.close()
    assert trace == [("interviewer", "user.password_change_refused", '{"reason":"wrong current password"}')]
    open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF).close()
    with pytest.raises(WrongCredentials):
        open_record(record_path, "interviewer", "a-brand-new-password", kdf=FAST_KDF)
