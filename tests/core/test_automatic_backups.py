"""Automatic backups on closing the record, and the retention that prunes old backups."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from barnahus_app import settings
from barnahus_app.api import open_record
from barnahus_app.errors import DiskFull
from barnahus_app.record import backups
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, make_record, raw_closed

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def at(when: datetime, path, username="admin", **kw):
    password = ADMIN_PASSWORD if username == "admin" else STAFF_PASSWORD
    return open_record(path, username, password, kdf=FAST_KDF, clock=lambda: when, **kw)


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)   # made with automatic backups off
    with at(T0, path) as s:
        s.set_setting("backup_interval_hours", 24)
    return {"record": path, "recovery": recovery, "backups": path.parent / "backups"}


def names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def audit(rec) -> list[tuple[str, dict | None]]:
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return [(a, json.loads(d) if d else None)
                for a, d in conn.execute("SELECT action, detail FROM audit_log ORDER BY id")]


def test_the_default_is_a_backup_a_day_kept_14_days_and_13_weeks():
    assert settings.spec("backup_interval_hours").default == 24
    assert settings.spec("backup_keep_days").default == 14
    assert settings.spec("backup_keep_weeks").default == 13


def test_closing_backs_up_when_the_newest_backup_is_older_than_the_interval(rec):
    # The fixture's session closed at T0 with none there: the first automatic backup.
    assert names(rec["backups"]) == ["record-20260302T100000Z-auto.barnahus",
                                     "record-20260302T100000Z-auto.barnahus.keys",
                                     "record-20260302T100000Z-auto.barnahus.seal",
                                     "record-20260302T100000Z-auto.barnahus.sha256"]
    with at(datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc), rec["record"], "coordinator"):
        pass                                  # 23 hours later: none
    assert len(names(rec["backups"])) == 4
    with at(datetime(2026, 3, 3, 11, 0, tzinfo=timezone.utc), rec["record"], "coordinator"):
        pass                                  # 25 hours later: a second one
    assert [n for n in names(rec["backups"]) if n.endswith(".barnahus")] == [
        "record-20260302T100000Z-auto.barnahus", "record-20260303T110000Z-auto.barnahus"]
    assert backups.manifest_state(rec["backups"] / "record-20260303T110000Z-auto.barnahus") == "matches"
    assert [d for a, d in audit(rec) if a == "record.backup"] == [
        {"file": "record-20260302T100000Z-auto.barnahus", "reason": "auto"},
        {"file": "record-20260303T110000Z-auto.barnahus", "reason": "auto"}]


def test_interval_zero_turns_automatic_backups_off(rec):
    with at(T0, rec["record"]) as s:
        s.set_setting("backup_interval_hours", 0)
    with at(datetime(2026, 4, 1, tzinfo=timezone.utc), rec["record"]):
        pass
    assert [n for n in names(rec["backups"]) if n.endswith(".barnahus")] == [
        "record-20260302T100000Z-auto.barnahus"]


def test_a_read_only_session_makes_no_backup(rec):
    with at(datetime(2026, 4, 1, tzinfo=timezone.utc), rec["record"], read_only=True):
        pass
    assert [n for n in names(rec["backups"]) if n.endswith(".barnahus")] == [
        "record-20260302T100000Z-auto.barnahus"]


def test_a_failed_backup_still_closes_and_is_reported_to_the_next_administrator(rec, monkeypatch):
    def full_disk(*args, **kwargs):
        raise DiskFull("The disk is full.")
    later = datetime(2026, 3, 5, 8, 30, tzinfo=timezone.utc)
    s = at(later, rec["record"], "coordinator")
    monkeypatch.setattr(backups, "copy_file_safely", full_disk)
    s.close()
    monkeypatch.undo()
    assert s.closed
    assert ("record.backup_failed", {"reason": "disk_full"}) in audit(rec)
    assert [n for n in names(rec["backups"]) if n.endswith(".barnahus")] == [
        "record-20260302T100000Z-auto.barnahus"]             # nothing half-made beside it
    with at(later, rec["record"], "coordinator", read_only=True) as c:
        assert c.backup_failures == []                       # not for a non-administrator
    with at(later, rec["record"], read_only=True) as a:
        assert a.backup_failures == [{"at": "2026-03-05T08:30:00.000000Z", "reason": "disk_full"}]
    with at(later, rec["record"]) as a:                      # still unreported: read-only kept it
        assert a.backup_failures == [{"at": "2026-03-05T08:30:00.000000Z", "reason": "disk_full"}]
    with at(later, rec["record"]) as a:                      # reported once
        assert a.backup_failures == []


def d(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)


def test_retention_keeps_the_last_days_one_a_week_and_one_a_month():
    made = {name: d(name) for name in [
        "2025-11-03 10:00", "2025-11-20 10:00",                      # November: keep the newest
        "2025-12-30 10:00",                                          # December's only
        "2026-01-05 10:00", "2026-01-07 10:00",                      # ISO week 2 of 2026
        "2026-02-02 10:00", "2026-02-03 10:00", "2026-02-04 10:00",  # ISO week 6
        "2026-02-20 09:00",                                          # 11 days before now
        "2026-02-25 10:00", "2026-03-02 09:00",                      # last days
    ]}
    kept = backups.backups_to_keep(made, d("2026-03-03 10:00"), keep_days=14, keep_weeks=13)
    assert sorted(kept) == [
        "2025-11-20 10:00", "2025-12-30 10:00", "2026-01-07 10:00", "2026-02-04 10:00",
        "2026-02-20 09:00", "2026-02-25 10:00", "2026-03-02 09:00"]


def test_retention_outside_the_weeks_keeps_one_a_month():
    made = {name: d(name) for name in ["2025-01-06 10:00", "2025-01-13 10:00", "2025-01-20 10:00"]}
    kept = backups.backups_to_keep(made, d("2026-03-03 10:00"), keep_days=14, keep_weeks=13)
    assert kept == {"2025-01-20 10:00"}


def test_pruning_deletes_only_old_backups_of_this_record_with_their_key_files(tmp_path):
    record = tmp_path / "record.barnahus"
    folder = tmp_path / "backups"
    folder.mkdir()
    files = ["record-20250106T100000Z-auto.barnahus", "record-20250113T100000Z-manual.barnahus",
             "record-20250120T100000Z-auto.barnahus", "record-20250107T100000Z-before-upgrade-from-3.barnahus",
             "other-20250106T100000Z-auto.barnahus", "notes.txt", "record-old.barnahus"]
    for name in files:
        (folder / name).write_bytes(b"x")
        (folder / (name + ".keys")).write_bytes(b"k")
        (folder / (name + ".seal")).write_bytes(b"{}")
        (folder / (name + ".sha256")).write_bytes(b"s")
    just_made = folder / "record-20250106T100000Z-auto.barnahus"   # kept although old
    assert backups.prune(record, just_made, d("2026-03-03 10:00"), 14, 13) == 1
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".barnahus") == [
        "other-20250106T100000Z-auto.barnahus", "record-20250106T100000Z-auto.barnahus",
        "record-20250107T100000Z-before-upgrade-from-3.barnahus",
        "record-20250120T100000Z-auto.barnahus", "record-old.barnahus"]
    assert not (folder / "record-20250113T100000Z-manual.barnahus.keys").exists()
    assert not (folder / "record-20250113T100000Z-manual.barnahus.sha256").exists()
    assert not (folder / "record-20250113T100000Z-manual.barnahus.seal").exists()
    assert (folder / "record-20250120T100000Z-auto.barnahus.seal").exists()
    assert (folder / "notes.txt").exists()


def test_a_backup_prunes_and_audits_the_count(rec):
    old = ["record-20250106T100000Z-auto.barnahus", "record-20250113T100000Z-auto.barnahus"]
    for name in old:
        (rec["backups"] / name).write_bytes(b"x")
    with at(datetime(2026, 3, 4, 10, 0, tzinfo=timezone.utc), rec["record"]) as s:
        s.backup()
    assert [n for n in names(rec["backups"]) if n.endswith(".barnahus")] == [
        "record-20250113T100000Z-auto.barnahus", "record-20260302T100000Z-auto.barnahus",
        "record-20260304T100000Z-manual.barnahus"]
    assert ("record.backups_pruned", {"count": 1}) in audit(rec)


def test_each_backup_is_also_copied_to_the_second_folder(rec, tmp_path):
    offsite = tmp_path / "offsite"
    offsite.mkdir()
    with at(T0, rec["record"]) as s:
        s.set_setting("backup_second_folder", str(offsite))
        assert s.setting("backup_second_folder") == str(offsite)
        s.backup()
    name = "record-20260302T100000Z-manual.barnahus"
    assert names(offsite) == [name, name + ".keys", name + ".seal", name + ".sha256"]
    for f in names(offsite):
        assert (offsite / f).read_bytes() == (rec["backups"] / f).read_bytes()
    assert backups.manifest_state(offsite / name) == "matches"


def test_the_second_folder_must_be_a_full_path_or_empty(rec):
    from barnahus_app.errors import ValidationError
    with at(T0, rec["record"]) as s:
        with pytest.raises(ValidationError):
            s.set_setting("backup_second_folder", "relative/folder")
        s.set_setting("backup_second_folder", "")
        assert s.setting("backup_second_folder") == ""


def test_a_missing_second_folder_keeps_the_backup_and_is_reported(rec, tmp_path):
    with at(T0, rec["record"]) as s:
        s.set_setting("backup_second_folder", str(tmp_path / "unplugged"))
        s.backup()
    assert "record-20260302T100000Z-manual.barnahus" in names(rec["backups"])
    assert not (tmp_path / "unplugged").exists()            # not made on the local disk instead
    assert ("record.backup_failed", {"reason": "second_folder_missing"}) in audit(rec)
    with at(T0, rec["record"]) as a:
        assert a.backup_failures == [{"at": "2026-03-02T10:00:00.000000Z", "reason": "second_folder_missing"}]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_an_unwritable_second_folder_keeps_the_backup_and_leaves_nothing_there(rec, tmp_path):
    offsite = tmp_path / "offsite"
    offsite.mkdir(mode=0o500)
    try:
        with at(T0, rec["record"]) as s:
            s.set_setting("backup_second_folder", str(offsite))
            s.backup()
        assert names(offsite) == []
    finally:
        offsite.chmod(0o700)
    assert "record-20260302T100000Z-manual.barnahus" in names(rec["backups"])
    assert ("record.backup_failed", {"reason": "second_folder_failed"}) in audit(rec)


def test_a_second_copy_that_does_not_verify_leaves_nothing_there(rec, tmp_path, monkeypatch):
    offsite = tmp_path / "offsite"
    offsite.mkdir()
    real_sha = backups.sha256_of
    monkeypatch.setattr(backups, "sha256_of",
                        lambda p: "0" * 64 if str(p).startswith(str(offsite)) else real_sha(p))
    with at(T0, rec["record"]) as s:
        s.set_setting("backup_second_folder", str(offsite))
        s.backup()
    assert names(offsite) == []
    assert ("record.backup_failed", {"reason": "second_folder_failed"}) in audit(rec)


def test_the_command_line_tells_the_administrator_once(rec, tmp_path):
    from tests.support.cli import run_cli
    with at(T0, rec["record"]) as s:
        s.set_setting("backup_interval_hours", 0)    # the command line's own closing: no backup
        s.set_setting("backup_second_folder", str(tmp_path / "unplugged"))
        s.backup()
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    first = run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file", pw)
    assert first.returncode == 0
    assert ("Note: 1 backup(s) failed since an administrator last logged in, the last at "
            "2026-03-02T10:00:00.000000Z (second_folder_missing); see the audit log.") in first.stderr
    again = run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file", pw)
    assert "backup(s) failed" not in again.stderr


def test_a_damaged_record_is_not_backed_up_on_closing_and_the_close_completes(rec, monkeypatch):
    s = at(datetime(2026, 3, 5, 8, 30, tzinfo=timezone.utc), rec["record"], "coordinator")
    monkeypatch.setattr(backups, "sound_state", lambda *args, **kwargs: None)   # as if its check had failed
    s.close()
    monkeypatch.undo()
    assert s.closed
    assert ("record.backup_failed", {"reason": "damaged_source"}) in audit(rec)
    assert [n for n in names(rec["backups"]) if n.endswith(".barnahus")] == [
        "record-20260302T100000Z-auto.barnahus"]


def auto_names(rec) -> list[str]:
    return [n for n in names(rec["backups"]) if n.endswith(".barnahus")]


def test_automatic_backup_due_follows_the_interval_and_the_newest_backup(rec):
    # The fixture's close at T0 made one.
    with at(datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc), rec["record"], "coordinator") as s:
        assert s.automatic_backup_due() is False          # 23 hours later
        s.close(automatic_backup=False)
    with at(datetime(2026, 3, 3, 10, 0, tzinfo=timezone.utc), rec["record"], "coordinator") as s:
        assert s.automatic_backup_due() is True           # 24 hours later
        s.close(automatic_backup=False)                   # the front end chose: none made
    assert auto_names(rec) == ["record-20260302T100000Z-auto.barnahus"]
    with at(datetime(2026, 3, 3, 10, 0, tzinfo=timezone.utc), rec["record"], read_only=True) as s:
        assert s.automatic_backup_due() is False
    with at(T0, rec["record"]) as s:
        s.set_setting("backup_interval_hours", 0)
    with at(datetime(2026, 4, 1, tzinfo=timezone.utc), rec["record"]) as s:
        assert s.automatic_backup_due() is False
        assert s.automatic_backup() is None


def test_automatic_backup_on_a_worker_with_progress_then_close_without_another(rec):
    later = datetime(2026, 3, 3, 11, 0, tzinfo=timezone.utc)
    s = at(later, rec["record"], "coordinator")
    progress = []
    size = rec["record"].stat().st_size   # what is copied (its record.backup entry may add a page after)
    made = s.automatic_backup(progress=lambda done, total: progress.append((done, total)))
    assert made == str(rec["backups"] / "record-20260303T110000Z-auto.barnahus")
    assert progress[-1] == (size, size)
    assert s.automatic_backup_due() is False
    s.close(automatic_backup=False)
    assert auto_names(rec) == ["record-20260302T100000Z-auto.barnahus",
                               "record-20260303T110000Z-auto.barnahus"]
    assert [a for a, _ in audit(rec)][-2:] == ["record.backup", "logout"]


def test_a_cancelled_automatic_backup_leaves_nothing_and_is_no_failure(rec):
    from barnahus_app.errors import Cancelled
    before = names(rec["backups"])
    s = at(datetime(2026, 3, 3, 11, 0, tzinfo=timezone.utc), rec["record"])
    with pytest.raises(Cancelled, match="^Cancelled. Nothing was written.$"):
        s.automatic_backup(cancel=lambda: True)
    s.close(automatic_backup=False)
    assert names(rec["backups"]) == before
    assert [a for a, _ in audit(rec)][-2:] == ["login", "logout"]
    with at(datetime(2026, 3, 3, 11, 0, tzinfo=timezone.utc), rec["record"], read_only=True) as a:
        assert a.backup_failures == []


def test_a_failed_automatic_backup_is_raised_to_the_caller_and_audited(rec, monkeypatch):
    def full_disk(*args, **kwargs):
        raise DiskFull("The disk is full.")
    s = at(datetime(2026, 3, 3, 11, 0, tzinfo=timezone.utc), rec["record"], "coordinator")
    monkeypatch.setattr(backups, "copy_file_safely", full_disk)
    with pytest.raises(DiskFull):
        s.automatic_backup()
    monkeypatch.undo()
    s.close(automatic_backup=False)
    assert [a for a in audit(rec)][-2:] == [("record.backup_failed", {"reason": "disk_full"}),
                                            ("logout", None)]


def test_the_second_folder_is_pruned_by_the_same_retention(rec, tmp_path):
    offsite = tmp_path / "offsite"
    offsite.mkdir()
    old = "record-20250113T100000Z-auto.barnahus"        # not the newest of its month: pruned
    for name in (old, "record-20250120T100000Z-auto.barnahus"):
        for suffix in ("", ".keys", ".seal", ".sha256"):
            (offsite / (name + suffix)).write_bytes(b"x")
    (offsite / "holiday-photos.jpg").write_bytes(b"not a backup")
    with at(datetime(2026, 3, 4, 10, 0, tzinfo=timezone.utc), rec["record"]) as s:
        s.set_setting("backup_second_folder", str(offsite))
        s.backup()
    new = "record-20260304T100000Z-manual.barnahus"
    assert names(offsite) == [
        "holiday-photos.jpg",
        "record-20250120T100000Z-auto.barnahus", "record-20250120T100000Z-auto.barnahus.keys",
        "record-20250120T100000Z-auto.barnahus.seal", "record-20250120T100000Z-auto.barnahus.sha256",
        new, new + ".keys", new + ".seal", new + ".sha256"]
    assert [d for a, d in audit(rec) if a == "record.backups_pruned"] == [{"count": 1, "folder": "second"}]


def test_cancelling_once_the_copy_is_written_still_leaves_nothing(rec):
    from barnahus_app.errors import Cancelled
    before = names(rec["backups"])
    progress = []
    s = at(datetime(2026, 3, 3, 11, 0, tzinfo=timezone.utc), rec["record"])
    size = rec["record"].stat().st_size
    with pytest.raises(Cancelled):     # asked again after the copy, before its check and publishing
        s.automatic_backup(progress=lambda d, t: progress.append(d),
                           cancel=lambda: bool(progress) and progress[-1] == size)
    s.close(automatic_backup=False)
    assert progress[-1] == size
    assert names(rec["backups"]) == before
    assert "record.backup_failed" not in [a for a, _ in audit(rec)]
