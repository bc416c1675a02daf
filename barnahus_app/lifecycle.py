"""Creating and unlocking a record, above the session: `open_record` returns a Session, the one
object every front end talks to. Each Session method checks the policy and writes the audit trail."""
from __future__ import annotations

import dataclasses
import os
import secrets
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import insert, select

from barnahus_app import __version__, audit, policy
from barnahus_app import settings as record_settings
from barnahus_app.errors import (
    BarnahusError, Cancelled, PermissionDenied, RecordDamaged, RecordFileError, RecordLocked, RecordReadOnly, SchemaTooNew,
    ValidationError, WrongCredentials,
)
from barnahus_app.record import backups, inspection, keyslots, rotation, salvage, schema, storage, switching
from barnahus_app.record.handle import Record
from barnahus_app.record.inspection import CheckReport
from barnahus_app.record.keyslots import (
    KdfParams, KeyFile, format_recovery_key, new_slot, parse_recovery_key,
)
from barnahus_app.files import check_destination, copy_file_safely, write_file_safely
from barnahus_app.session import Session
from barnahus_app.tables import RecordMeta
from barnahus_app.timeutil import utc_now, utc_now_iso
from barnahus_app.users.accounts import check_password, check_username, find_user, user_roles
from barnahus_app.users.tables import User, UserRole

SWITCH_STEPS = 5   # switch_to_restored's progress: unlock, verify, check the user, count, switch, audit
BACKUP_HINT = " Backups made by Barnahus are in the 'backups' folder beside the record."


def create_record(path: Path, admin_username: str, admin_password: str,
                  admin_display_name: str | None = None, centre_name: str = "",
                  kdf: KdfParams = KdfParams(), time_zone: str | None = None) -> str:
    """Create an encrypted record with its first administrator. Returns the recovery key,
    to be shown once. A crash part-way leaves no file under the record's name. time_zone: the
    centre's (the first-run wizard asks it; default centre_zone_default())."""
    path = Path(path)
    admin = check_username(admin_username)
    check_password(admin_password)
    zone_spec = record_settings.spec("time_zone")
    zone = zone_spec.parse("time_zone", time_zone or zone_spec.default)
    if path.exists() or KeyFile.path_for(path).exists():
        raise RecordFileError(f"{path} already exists. Choose another name or folder.")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    partial = path.with_name(path.name + ".creating")
    if partial.exists():
        partial.unlink()
    engine = storage.make_engine(partial, key)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {storage.APPLICATION_ID}")
        with engine.begin() as conn:
            schema.upgrade(conn)
        now = utc_now_iso()
        with engine.begin() as conn:
            conn.execute(insert(RecordMeta.__table__), [
                {"key": "record_id", "value": str(uuid.uuid4())},
                {"key": "created_at", "value": now},
                {"key": "created_by_version", "value": __version__},
                {"key": "centre_name", "value": centre_name or ""},
                {"key": "setting.time_zone", "value": zone},
            ])
            uid = conn.execute(insert(User.__table__).values(
                username=admin, display_name=admin_display_name or admin, active=True,
                created_at=now, password_changed_at=now)).inserted_primary_key[0]
            conn.execute(insert(UserRole.__table__).values(user_id=uid, role=policy.Role.ADMIN.value))
            audit.append(conn, uid, admin, "record.created", "record", None)
            audit.append(conn, uid, admin, "user.created", "user", uid, {"roles": ["admin"]})
    finally:
        engine.dispose()
    keyfile = KeyFile.new(path)
    keyfile.set_slot(admin, new_slot(admin, admin_password, [key], kdf))
    keyfile.save()
    os.chmod(partial, 0o600)
    os.replace(partial, path)
    return format_recovery_key(key)


def open_record(path: Path, username: str, password: str | None = None,
                recovery_key: str | None = None, *, read_only: bool = False,
                kdf: KdfParams = KdfParams(), sleep: Callable[[float], None] = time.sleep,
                clock: Callable[[], datetime] = utc_now,
                before_writing: Callable[[Path, bytes], None] | None = None):
    """Unlock a record as `username`, with their password or with the recovery key.

    The file is never changed by a failed open. A schema from an older version is backed up,
    then migrated. An interrupted key rotation is finished or rolled back, whichever key opens,
    and its new recovery-key file renamed to say which (record/rotation.py).
    before_writing(path, record_key) runs once the key is found, under the writer lock, before
    anything is written (key file, migration, login): what it raises fails the open.
    """
    path = _record_file(path, password, recovery_key)
    # The wait after wrong passwords and the password check come first, without the writer lock:
    # a wrong attempt never makes the record "already open" for anyone else (keyslots.py).
    keyfile, candidates, keyfile_damaged = _key_candidates(path, username, password, recovery_key,
                                                           read_only, sleep, clock)
    # The private key this unwrap found (it opens the user's sealed sections), taken before the
    # key file is read again under the lock: that new reading has unwrapped nothing.
    private = keyfile.take_private() if password is not None else None
    lock = None if read_only else storage.WriterLock(path)
    if lock:
        lock.acquire()
    try:
        if lock and not keyfile_damaged:
            keyfile = _keyfile_or_new(path)[0]   # as it is now, under the lock: it may have changed
        key = next((k for k in candidates if storage.probe_key(path, k, writable=not read_only)), None)
        if key is None and read_only and storage.has_leftover_journal(path):
            raise _interrupted_change()
        if key is None:
            damaged = _damaged_first_page(path, candidates)
            if damaged:
                raise damaged
            _no_key_opens(path, keyfile, username, password is None, read_only or keyfile_damaged, clock)
        if storage.application_id(path, key) != storage.APPLICATION_ID:
            raise RecordFileError(f"{path.name} is a SQLCipher database, but not a Barnahus record. "
                                  "It was left untouched.")
        if before_writing:
            before_writing(path, key)
        if keyfile_damaged and not read_only:
            _set_aside_damaged_keyfile(path)
        settled = None
        if not read_only and (keyfile.rotation_pending() or rotation.in_progress(keyfile)):
            keyfile.keep_only(key)
            settled = rotation.settle_at_unlock(keyfile, key)
            keyfile.save()
        record = Record(path, storage.make_engine(path, key, read_only), key, keyfile, lock,
                        read_only, kdf)
        try:
            upgraded_from = _migrate_if_needed(record)
            return Session._login(record, username, password is None, upgraded_from, clock, settled,
                                  private=private)
        except BaseException:
            record.engine.dispose()
            raise
    except BaseException:
        if lock:
            lock.release()
        raise


def check_record(path: Path, username: str, password: str | None = None,
                 recovery_key: str | None = None, *, kdf: KdfParams = KdfParams(),
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], datetime] = utc_now, notes: list[str] | None = None,
                 seal: Path | None = None) -> CheckReport:
    """`barnahus check` (`--seal FILE`: also against that audit seal, see Session.check): verify
    the record read-only, writing nothing to it before it verified
    (no login, no journal: a damaged file stays byte for byte as found). A record found healthy
    is then opened as usual and the check audited (login, `record.checked`, logout); if another
    program holds it open, the report says the check was not audited. A wrong password is still
    counted in the key file (another file), as at every unlock."""
    path = _record_file(path, password, recovery_key)
    report = _inspect_before_opening(path, username, password, recovery_key, sleep, clock, seal)
    if report.ok:
        try:
            with open_record(path, username, password, recovery_key, kdf=kdf, sleep=sleep, clock=clock) as s:
                _collect_notes(s, notes)
                s._note_check(report, seal)
        except (RecordLocked, RecordReadOnly):
            return dataclasses.replace(report, audited=False)
    return report


def backup_record(path: Path, username: str, password: str | None = None,
                  recovery_key: str | None = None, *, kdf: KdfParams = KdfParams(),
                  sleep: Callable[[float], None] = time.sleep,
                  clock: Callable[[], datetime] = utc_now, notes: list[str] | None = None) -> str:
    """`barnahus backup`: a record with a page that fails its HMAC is refused once unlocked,
    before anything is written to it (not even the login); any other is then backed up
    (Session.backup), whose copy is checked in full."""
    def refuse_unsound(path: Path, key: bytes) -> None:
        if not backups.pages_sound(path, key):
            raise backups.refused(path)
    try:
        with open_record(path, username, password, recovery_key, kdf=kdf, sleep=sleep, clock=clock,
                         before_writing=refuse_unsound) as s:
            _collect_notes(s, notes)
            return s.backup()
    except RecordDamaged:      # page 1 fails: no key opens it, yet the record's key verifies the rest
        raise backups.refused(Path(path)) from None


def _collect_notes(session: Session, notes: list[str] | None) -> None:
    """For a command that unlocks inside the core and never holds the session: what the unlock
    has to say once (an interrupted key rotation settled, a sealed section's recovery key, the
    centre's CA key still inside the record), added to notes if given."""
    if notes is not None:
        notes.extend(n for n in (session.rotation_note, session.section_recovery_note) if n)
        notes.extend(session.signing_warnings())


def _inspect_before_opening(path: Path, username: str, password: str | None,
                            recovery_key: str | None, sleep, clock, seal: Path | None = None) -> CheckReport:
    """The read-only check, with the key the credentials unlock, before any write to the file."""
    return inspection.inspect_record(path, _key_read_only(path, username, password, recovery_key,
                                                          sleep, clock), seal)


def _key_read_only(path: Path, username: str, password: str | None, recovery_key: str | None,
                   sleep, clock) -> bytes:
    """The record key the credentials unlock, found without writing to the (perhaps damaged)
    record; a wrong password is counted in the key file, as at every unlock."""
    if storage.has_leftover_journal(path):
        raise _interrupted_change()
    keyfile, candidates, keyfile_damaged = _key_candidates(path, username, password, recovery_key,
                                                           False, sleep, clock)
    # Page 1 may be the damaged page: then the record's key opens nothing, yet verifies the others.
    key = next((k for k in candidates if storage.probe_key(path, k)), None) or next(
        (k for k in candidates if inspection.verifies_some_page(path, k)), None)
    if key is None and password is None:
        _no_key_opens(path, keyfile, username, True, keyfile_damaged, clock)
    return key or candidates[0]


def salvage_record_file(path: Path, to: Path, username: str, password: str | None = None,
                        recovery_key: str | None = None, *, sleep: Callable[[float], None] = time.sleep,
                        clock: Callable[[], datetime] = utc_now,
                        progress: Callable[[int, int], None] | None = None,
                        cancel: Callable[[], bool] | None = None) -> salvage.SalvageReport:
    """`barnahus salvage`: every row of a damaged record that can still be read, copied into the
    new record `to` with the same record key and a copy of the key file (so the same passwords
    and recovery key open it). The damaged record is only read. Returns what was copied and lost.
    progress(tables done, tables in all) and cancel() as for salvage.salvage: a cancelled salvage
    raises Cancelled and leaves neither the new record nor its key file."""
    to = Path(to)
    check_destination(to, "--to")
    to_keys = KeyFile.path_for(to)
    check_destination(to_keys, "--to")
    path = _record_file(path, password, recovery_key)
    key = _key_read_only(path, username, password, recovery_key, sleep, clock)
    if not inspection.verifies_some_page(path, key):
        raise RecordFileError(f"No page of {path.name} verifies with the key these credentials "
                              "unlock (it is damaged from its first bytes, or of another record); "
                              "nothing was salvaged." + BACKUP_HINT)
    report = salvage.salvage(path, key, to, progress, cancel)
    _publish_key_file_beside(KeyFile.path_for(path), to)
    return report


def restore_backup(backup: Path, to: Path, username: str, password: str | None = None,
                   recovery_key: str | None = None, *, sleep: Callable[[float], None] = time.sleep,
                   clock: Callable[[], datetime] = utc_now) -> backups.BackupInfo:
    """`barnahus restore`: copy a backup and its key file to the new file `to` (never over an
    existing file, so never over the live record), after verifying it: its SHA-256 manifest if
    it has one, then its pages, audit chain and schema, with the key its own key file unlocks
    for username's password (or the recovery key). The backup is only read: a wrong password
    is not counted in its key file. Returns what was restored."""
    to = Path(to)
    check_destination(to, "--to")
    to_keys = KeyFile.path_for(to)
    check_destination(to_keys, "--to")
    backup = _record_file(backup, password, recovery_key)
    digest = backups.sha256_of(backup)
    manifest = backups.manifest_state(backup, digest)
    if manifest == "DIFFERS":
        raise RecordFileError(f"{backup.name} differs from its SHA-256 manifest: it changed after it "
                              "was written. Choose another backup; nothing was restored.")
    seal_state = backups.seal_state(backup, digest)
    if seal_state == "mismatch":
        raise RecordFileError(_SEAL_MISMATCH.format(name=backup.name))
    _, candidates, _ = _key_candidates(backup, username, password, recovery_key, True, sleep, clock)
    key = next((k for k in candidates if storage.probe_key(backup, k)), None)
    if key is None:
        raise RecordFileError(f"{backup.name} does not open with the key these credentials unlock "
                              "(it is damaged, or of another record); nothing was restored.")
    report = inspection.inspect_record(backup, key)
    if not backups.sound(report):
        raise backups.DamagedSource(f"{backup.name} failed its check ({report.lines()[0]}); "
                                    "choose another backup. Nothing was restored.")

    seal = backups.read_seal(backup)
    if seal and (seal["audit_head"]["id"], seal["audit_head"]["hash"], seal.get("audit_entries")) != (
            report.chain.head_id, report.chain.head_hash, report.chain.entries):
        raise RecordFileError(_SEAL_MISMATCH.format(name=backup.name))

    def same_bytes(copy: Path, copied: str) -> None:
        if not (copied == digest and backups.sha256_of(copy) == digest):
            raise RecordFileError(f"The copy at {to} did not read back as the backup (the disk may "
                                  "be failing); nothing was restored.")

    copy_file_safely(backup, to, "--to", verify=same_bytes)
    _publish_key_file_beside(KeyFile.path_for(backup), to)
    made = datetime.fromtimestamp(backup.stat().st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
    return backups.BackupInfo(to, made, to.stat().st_size, manifest,
                              (report.chain.head_id, report.chain.head_hash), seal_state)


_SEAL_MISMATCH = ("{name} does not match its audit seal (the seal names other bytes, another "
                  "manifest or another audit head): the backup or its seal changed after they were "
                  "written. Choose another backup; nothing was restored.")


def switch_to_restored(record_path: Path, restored_path: Path, username: str, password: str | None = None,
                       recovery_key: str | None = None, *, kdf: KdfParams = KdfParams(),
                       sleep: Callable[[float], None] = time.sleep,
                       clock: Callable[[], datetime] = utc_now,
                       progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> switching.SwitchReport:
    """`barnahus switch-to-restored`: make a restored file (restore_backup's, with its key file)
    the record. Both files are locked (neither may be open elsewhere); the restored one is
    verified with the key its key file unlocks; the user must be an administrator of it (may
    back up the record; with the recovery key and no user name, the key itself is the proof);
    both must be the same record. What the old record held after the restored audit head is
    counted, read-only and past damaged pages. Then the old pair is kept as
    `<stem>.damaged-<UTC stamp><suffix>` and the restored pair moved into its place (see
    record/switching.py for the order and what a crash leaves), and the switch is audited
    (`record.restored`) in the record now in place. Any refusal leaves both files as they were.
    progress(done, SWITCH_STEPS) reports the steps; cancel() is asked before the files are
    touched (Cancelled then leaves both as they were), not after."""
    record, restored = Path(record_path), Path(restored_path)

    def step(done: int) -> None:
        if progress:
            progress(done, SWITCH_STEPS)
        if cancel and done < 4 and cancel():
            raise Cancelled("Cancelled. Nothing was switched.")

    plan = switching.interrupted_switch(record)
    if plan is not None and plan.get("restored") != str(restored.absolute()):
        raise RecordFileError(f"An earlier switch of {record.name} to {plan.get('restored')} was interrupted; "
                              "run switch-to-restored with that file again to finish it first.")
    if plan is None:
        restored = _record_file(restored, password, recovery_key)
        if record.exists() and record.resolve() == restored.resolve():
            raise ValidationError("restored", f"{restored} is the record itself; choose the restored file.")
        if storage.has_leftover_journal(restored):
            raise RecordFileError(f"{restored.name} has an interrupted change beside it; restore the backup "
                                  "again to a new file.")
        if restored.parent.stat().st_dev != record.parent.stat().st_dev:
            raise RecordFileError(f"{restored} is on another disk than the record; restore the backup into "
                                  f"the record's folder ({record.parent}) and switch to that file.")
    elif password is None and recovery_key is None:
        raise ValueError("give either a password or a recovery key")
    locks = []
    try:
        for path, which in ((record, "the record"), (restored, "the restored record")):
            lock = storage.WriterLock(path)
            try:
                lock.acquire()
            except RecordLocked:
                raise RecordLocked(f"{path.name} ({which}) is open in another Barnahus window or program. "
                                   "Close it there first; nothing was switched.") from None
            locks.append(lock)
        if plan is not None:   # finish what a crash interrupted; the checks were done before it
            moved = not restored.exists()
            keys_at = restored if KeyFile.path_for(restored).exists() else record
            restored_key = _switch_key(record if moved else restored, username, password, recovery_key,
                                       sleep, clock, keys_at)
            switching.finish_interrupted(record)
            report = switching.SwitchReport(record, Path(plan["restored"]).name, plan.get("restored_head"),
                                            switching.LostEntries.from_detail(plan.get("lost")),
                                            record.with_name(plan["kept_as"]))
        else:
            step(0)
            restored_key = _switch_key(restored, username, password, recovery_key, sleep, clock)
            step(1)
            check = inspection.inspect_record(restored, restored_key)
            if not backups.sound(check):
                raise backups.DamagedSource(f"{restored.name} failed its check ({check.lines()[0]}); restore "
                                            "the backup again, or another one. Nothing was switched.")
            step(2)
            restored_id = _require_switching_admin(restored, restored_key, username)
            old_key = _old_record_key(record, restored_key, username, password, recovery_key, sleep, clock)
            old_id = _record_id(record, old_key) if old_key else None
            if old_id is not None and old_id != restored_id:
                raise RecordFileError(f"{restored.name} is a copy of another record (its record id differs); "
                                      "nothing was switched.")
            lost = switching.lost_entries(record, old_key, check.chain.head_id)
            kept = switching.kept_name(record, clock()) if record.exists() else None
            step(3)   # the last chance to cancel: from here on the files are switched
            switching.swap(record, restored, kept or switching.kept_name(record, clock()), check.chain.head_id,
                           lost)
            report = switching.SwitchReport(record, restored.name, check.chain.head_id, lost, kept)
    finally:
        for lock in locks:
            lock.release()
        if len(locks) == 2 and not restored.exists():   # ours, and no record is left at that name
            locks[1].path.unlink(missing_ok=True)
    step(4)
    report = _note_restored(report, username, password, recovery_key, restored_key, kdf, sleep, clock)
    if report.audited:
        switching.done(record)
    step(SWITCH_STEPS)
    return report


def _switch_key(restored: Path, username: str, password: str | None, recovery_key: str | None,
                sleep, clock, keys_at: Path | None = None) -> bytes:
    """The key the restored file's own key file (beside keys_at, by default beside it) unlocks,
    read-only: nothing is counted in it."""
    _, candidates, _ = _key_candidates(keys_at or restored, username, password, recovery_key, True,
                                       sleep, clock)
    key = next((k for k in candidates if storage.probe_key(restored, k)), None)
    if key is None:
        raise RecordFileError(f"{restored.name} does not open with the key these credentials unlock (it is "
                              "damaged, or of another record); nothing was switched.")
    return key


def _require_switching_admin(restored: Path, key: bytes, username: str) -> str:
    """The restored record's id, once username (if given) is an active user of it whose roles
    may back up the record, read read-only."""
    engine = storage.make_engine(restored, key, read_only=True)
    try:
        with engine.connect() as conn:
            meta = conn.execute(select(RecordMeta.value).where(RecordMeta.key == "record_id")).scalar()
            user = find_user(conn, username) if username else None
            roles = user_roles(conn, user.id) if user else []
    finally:
        engine.dispose()
    if username and (user is None or not user.active):
        raise WrongCredentials()
    if username and not policy.allowed(roles, "record", "backup"):
        raise PermissionDenied(f"Only an administrator of the restored record may switch to it "
                               f"({username} may not back it up); nothing was switched.")
    return meta


def _old_record_key(record: Path, restored_key: bytes, username: str, password: str | None,
                    recovery_key: str | None, sleep, clock) -> bytes | None:
    """A key that verifies some page of the (perhaps damaged) record: one its key file unlocks
    for these credentials, or the restored record's; None if none does."""
    if not record.is_file() or storage.describe_file_problem(record):
        return None
    candidates = []
    try:
        candidates = _key_candidates(record, username, password, recovery_key, True, sleep, clock)[1]
    except BarnahusError:
        pass   # a lost or damaged key file, or another password there: the restored key may do
    for k in [*candidates, restored_key]:
        if inspection.verifies_some_page(record, k):
            return k
    return None


def _record_id(path: Path, key: bytes) -> str | None:
    conn = storage.key_connection(path, key)
    try:
        row = conn.execute("SELECT value FROM record_meta WHERE key = 'record_id'").fetchone()
        return row[0] if row else None
    except Exception:  # noqa: BLE001 - a damaged record: its id cannot be read
        return None
    finally:
        conn.close()


def _note_restored(report: switching.SwitchReport, username: str, password: str | None,
                   recovery_key: str | None, key: bytes, kdf: KdfParams, sleep, clock) -> switching.SwitchReport:
    """`record.restored` in the record now in place: as username (login, entry, logout), or with
    the recovery key alone, as no user. The switch is done whatever happens here: a failure is
    in the report."""
    try:
        if username:
            with open_record(report.record, username, password, recovery_key, kdf=kdf, sleep=sleep,
                             clock=clock) as s:
                s._note_restored(report.detail())
        else:
            lock = storage.WriterLock(report.record)
            lock.acquire()
            record = Record(report.record, storage.make_engine(report.record, key), key, None, lock,
                            False, kdf)
            try:
                with record.transaction() as conn:
                    audit.append(conn, None, None, "record.restored", "record", None,
                                 {**report.detail(), "by": "recovery key"})
            finally:
                record.close()
    except BarnahusError as e:
        return dataclasses.replace(report, audited=False, problem=str(e))
    return report


def _publish_key_file_beside(keys: Path, to: Path) -> None:
    """The key file `keys` copied beside the new record `to`, once the record is in place: a kill
    before this leaves only temporaries (leftovers), never a key file under its final name
    without its record; a kill after the record was published leaves a record its recovery key
    opens. If the copy fails, the new record is removed again, so the command can be re-run."""
    if not keys.exists():
        return
    try:
        write_file_safely(KeyFile.path_for(to), keys.read_bytes(), "--to")
    except BaseException:
        to.unlink(missing_ok=True)
        raise


def describe_backups(record: Path, username: str | None = None, password: str | None = None,
                     recovery_key: str | None = None, *, sleep: Callable[[float], None] = time.sleep,
                     clock: Callable[[], datetime] = utc_now) -> list[backups.BackupInfo]:
    """`barnahus backups`: the backups beside a record, oldest first, read-only. With credentials
    (unlocked against the record's key file, a failure counted as at every unlock) each backup's
    audit head is read with the record's key; a backup made before a key rotation, or without
    credentials, shows none."""
    key = None
    if password is not None or recovery_key is not None:
        record = _record_file(record, password, recovery_key)
        _, candidates, _ = _key_candidates(record, username or "", password, recovery_key, False,
                                           sleep, clock)
        key = next((k for k in candidates if storage.probe_key(record, k)), None)
    return [backups.describe(b, key) for b in backups.list_backups(record)]


def _record_file(path, password: str | None, recovery_key: str | None) -> Path:
    """path, if it may be a record (decided from its size and header) and one credential is given."""
    path = Path(path)
    if (password is None) == (recovery_key is None):
        raise ValueError("give either a password or a recovery key")
    problem = storage.describe_file_problem(path)
    if problem:
        raise RecordFileError(problem + (BACKUP_HINT if path.exists() else ""))
    return path


def _key_candidates(path: Path, username: str, password: str | None, recovery_key: str | None,
                    read_only: bool, sleep, clock) -> tuple[KeyFile, list[bytes], bool]:
    """(key file, record keys the credentials unlock, whether the key file was damaged). A
    failure is counted in the key file unless read_only."""
    if password is not None:
        keyfile = KeyFile.load(path)
        delay = keyfile.unlock_delay(username, clock())
        if delay:
            sleep(delay)
        try:
            _, candidates = keyfile.unwrap(username, password)
        except WrongCredentials:
            _note_failure(path, keyfile, username, clock(), read_only)
            raise
        return keyfile, candidates, False
    keyfile, keyfile_damaged = _keyfile_or_new(path)
    # A damaged key file is not overwritten (not even to count a failure) before the recovery
    # key has proved right.
    try:
        return keyfile, [parse_recovery_key(recovery_key)], keyfile_damaged
    except WrongCredentials:
        _note_failure(path, keyfile, username, clock(), read_only or keyfile_damaged, by_recovery_key=True)
        raise


def _interrupted_change() -> RecordFileError:
    return RecordFileError(
        "The last change to this record was interrupted (a crash or power cut) and must "
        "be undone before it can be read. Open it once normally, not read-only. "
        "The file was left untouched.")


def _no_key_opens(path: Path, keyfile: KeyFile, username: str, by_recovery_key: bool,
                  no_save: bool, clock) -> None:
    if by_recovery_key:
        _note_failure(path, keyfile, username, clock(), no_save, by_recovery_key=True)
        raise RecordFileError(
            "This recovery key does not open this file: it is the key of another record, "
            "or the file is damaged. The file was left untouched." + BACKUP_HINT)
    raise RecordFileError(
        "Your password is right, but the record file does not open with the key it "
        "unlocks: the file is damaged, or the key file belongs to another record. "
        "The file was left untouched." + BACKUP_HINT)


def _damaged_first_page(path: Path, candidates: list[bytes]) -> RecordDamaged | None:
    """A key that opens nothing yet verifies other pages: page 1 of the record is damaged."""
    if any(inspection.verifies_some_page(path, k) for k in candidates):
        return RecordDamaged(
            "The record file is damaged at its start, so it cannot be opened, not even read-only. "
            "The file was left untouched. Restore a backup, or salvage what can still be read.",
            opens_read_only=False)
    return None


def _keyfile_or_new(path: Path) -> tuple[KeyFile, bool]:
    """The key file, or a new empty one if it is lost or damaged: the recovery key still opens
    the record (the damaged key file's own message says so). True if the file was damaged."""
    try:
        return KeyFile.load(path), False
    except RecordFileError:
        return KeyFile.new(path), KeyFile.path_for(path).exists()


def _set_aside_damaged_keyfile(path: Path) -> None:
    """Keep a copy of a damaged key file (`<record>.keys.damaged`) before a new one replaces it."""
    src = KeyFile.path_for(path)
    target = src.with_name(src.name + ".damaged")
    n = 1
    while target.exists():
        target = src.with_name(f"{src.name}.damaged-{n}")
        n += 1
    try:
        storage._copy_durably(src, target)
    except OSError as e:
        raise RecordFileError(f"The damaged key file {src.name} cannot be copied aside "
                              f"({e.strerror}). Move it away by hand and try again.") from None


def _note_failure(path: Path, keyfile: KeyFile, username: str, when: datetime, read_only: bool,
                  by_recovery_key: bool = False) -> None:
    """Count a failed attempt: in the key file on disk (keyslots.note_failure), or only in
    memory when nothing may be written (read-only, or a damaged key file kept as found)."""
    if read_only:
        keyfile.record_failure(username, when, by_recovery_key)
        return
    try:
        keyslots.note_failure(path, username, when, by_recovery_key)
    except (OSError, RecordFileError):
        pass  # a read-only folder, or no key file: the delay cannot be kept; Argon2's cost still applies


def _migrate_if_needed(record: Record) -> str | None:
    with record.engine.connect() as conn:
        current = schema.current_revision(conn)
    head = schema.head_revision()
    if current == head:
        return None
    if current not in schema.known_revisions():
        raise SchemaTooNew(
            f"This record was written by a newer version of Barnahus (schema {current}). "
            "Install that version or a newer one; the file was left untouched.")
    if record.read_only:
        raise RecordFileError("This record needs an upgrade, which cannot be done read-only.")
    backups.make_backup(record.path, record.key, f"before-upgrade-from-{current}")
    with record.transaction() as conn:
        schema.upgrade(conn)
    return current


__all__ = ["create_record", "open_record", "check_record", "backup_record", "restore_backup", "describe_backups",
           "salvage_record_file", "switch_to_restored",
           "BarnahusError"]
