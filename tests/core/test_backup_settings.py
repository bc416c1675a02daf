"""The backup settings as the desktop app's dialog sets them: several at once (all or none), and
the second folder's state shown beside it."""
from __future__ import annotations

import os

import pytest

from barnahus_app.errors import PermissionDenied, ValidationError
from barnahus_app.record.backups import second_folder_state
from tests.support.records import login, raw, table_counts


def test_set_settings_writes_all_with_one_audit_entry_each(record_path):
    admin = login(record_path, "admin")
    admin.set_settings({"backup_interval_hours": 12, "backup_keep_days": 30, "backup_keep_weeks": 26,
                        "backup_second_folder": "/media/backup-drive"})
    assert admin.setting("backup_interval_hours") == 12
    assert admin.setting("backup_keep_days") == 30
    assert admin.setting("backup_keep_weeks") == 26
    assert admin.setting("backup_second_folder") == "/media/backup-drive"
    conn = raw(admin)
    try:
        changed = [d for (d,) in conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'record.setting_changed' ORDER BY id")]
    finally:
        conn.close()
    admin.close()
    with login(record_path, "coordinator") as other:   # in the record, for every user
        assert other.setting("backup_keep_days") == 30
    assert changed[-4:] == ['{"setting":"backup_interval_hours"}', '{"setting":"backup_keep_days"}',
                            '{"setting":"backup_keep_weeks"}', '{"setting":"backup_second_folder"}']


def test_one_invalid_value_changes_none(open_as, record_path):
    admin = open_as("admin")
    before = table_counts(admin)
    with pytest.raises(ValidationError) as e:
        admin.set_settings({"backup_keep_days": 30, "backup_second_folder": "relative/folder"})
    assert e.value.field == "backup_second_folder"
    assert str(e.value) == "backup_second_folder: must be a folder's full path, or empty for none."
    assert admin.setting("backup_keep_days") == 14   # the default: the valid one was not written either
    assert table_counts(admin) == before              # nor any audit entry


def test_only_an_administrator_sets_them(record_path):
    with login(record_path, "coordinator") as s:
        with pytest.raises(PermissionDenied):
            s.set_settings({"backup_keep_days": 30})
        assert s.setting("backup_keep_days") == 14


def test_second_folder_state(tmp_path):
    assert second_folder_state("") == "none"
    assert second_folder_state(None) == "none"
    assert second_folder_state("  ") == "none"
    assert second_folder_state(str(tmp_path)) == "exists"
    assert second_folder_state(tmp_path / "unplugged") == "missing"
    (tmp_path / "a-file").write_text("x")
    assert second_folder_state(tmp_path / "a-file") == "not a folder"
    assert not (tmp_path / "unplugged").exists()   # the check writes nothing


@pytest.mark.skipif(os.access("/proc/sys", os.W_OK), reason="needs a folder this user cannot write")
def test_second_folder_state_not_writable():
    # As root, chmod does not stop a write; /proc/sys is mounted read-only here.
    assert second_folder_state("/proc/sys") == "not writable"

