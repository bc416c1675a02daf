"""A logged-in user on an open record. Every public method is one user action: it checks the
policy, does the work in one transaction and writes the audit entry in that same transaction."""
from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy import delete, insert, select

from barnahus_app import audit, policy
from barnahus_app.record import backups, rotation, schema
from barnahus_app import settings as record_settings
from barnahus_app.persons.agencies import AgencyActions
from barnahus_app.cases.actions import CaseActions
from barnahus_app.errors import Cancelled, DiskFull, RecordFileError, WrongCredentials
from barnahus_app.fields import check_count
from barnahus_app.followup.actions import FollowUpActions
from barnahus_app.interviews.actions import InterviewActions
from barnahus_app.documents.issuing import IssuingActions
from barnahus_app.record.keyslots import format_recovery_key
from barnahus_app.record.sections import SectionKeys, unseal_held
from barnahus_app.tables import AuditEntry, Draft, RecordMeta
from barnahus_app.persons.actions import PersonActions
from barnahus_app.recordings.actions import RecordingActions
from barnahus_app.record.handle import Record, rekey_file
from barnahus_app.record.inspection import CheckReport, inspect_record
from barnahus_app.users.accounts import find_user, user_roles
from barnahus_app.timeutil import to_utc_iso, utc_now, utc_now_iso
from barnahus_app.users.actions import UserActions
from barnahus_app.users import section_grants
from barnahus_app.cases.actions import resolve_case


BACKUP_FAILURES_KEY = "backup.failures_unreported"   # record_meta: JSON list, cleared at an admin's login


def _unreported_backup_failures(record: Record) -> list[dict]:
    with record.engine.connect() as conn:
        raw = conn.execute(select(RecordMeta.value).where(RecordMeta.key == BACKUP_FAILURES_KEY)).scalar()
    return json.loads(raw) if raw else []


class Session(UserActions, PersonActions, CaseActions, AgencyActions, FollowUpActions, InterviewActions,
              RecordingActions, IssuingActions):
    def __init__(self, record: Record, user_id: int, username: str, display_name: str,
                 roles: list[str], failed_attempts: list[str], upgraded_from: str | None,
                 backup_failures: list[dict] | None = None, clock: Callable[[], datetime] = utc_now,
                 rotation_settled: rotation.Settled | None = None, sections: SectionKeys | None = None,
                 section_recovery_keys: dict[str, str] | None = None):
        self.record = record
        self.user_id = user_id
        self.username = username
        self.display_name = display_name
        self.roles = roles
        self.failed_attempts = failed_attempts  # shown to the user once, after login
        self.upgraded_from = upgraded_from
        # Automatic backups that failed since an administrator last logged in ({"at", "reason"}),
        # shown to administrators once, after login, like failed_attempts.
        self.backup_failures = backup_failures or []
        # A key rotation interrupted earlier and settled at this unlock (record/rotation.py), shown
        # once, after login; rotation_note is its text for the command line.
        self.rotation = rotation_settled
        self.rotation_note = rotation_settled.note() if rotation_settled else None
        self._clock = clock
        self.closed = False
        self.sections = sections or SectionKeys()
        # Sections this unlock created (this user is their first holder): {section: its recovery
        # key}, to be shown once, like the record's recovery key at creation.
        self.section_recovery_keys = section_recovery_keys or {}
        self.section_recovery_note = " ".join(
            f"You are the first holder of the sealed section {name}. Its recovery key (shown once; print "
            f"it and lock it away: it opens that section if every holder's key is lost): {key}"
            for name, key in self.section_recovery_keys.items()) or None

    @classmethod
    def _login(cls, record: Record, username: str, by_recovery_key: bool,
               upgraded_from: str | None, clock: Callable[[], datetime],
               settled: rotation.Settled | None = None, private=None) -> "Session":
        """private: the user's X25519 private key, which opens their sealed sections; kept only
        in this call (the session keeps the section keys it opened, in memory)."""
        with record.engine.connect() as conn:
            user = find_user(conn, username)
            roles = user_roles(conn, user.id) if user else []
        if user is None or not user.active:
            raise WrongCredentials()
        own, nameless = ([], []) if record.read_only else record.keyfile.take_failures(username)
        is_admin = policy.Role.ADMIN.value in roles
        backup_failures = _unreported_backup_failures(record) if is_admin else []
        if not record.read_only:
            record.keyfile.save()
            with record.transaction() as conn:
                if upgraded_from:
                    audit.append(conn, user.id, user.username, "record.upgraded", "record", None,
                                 {"from": upgraded_from, "to": schema.head_revision()})
                for when in own:
                    audit.append(conn, None, None, "login.failed", "user", user.id, {"attempted_at": when})
                for when in nameless:
                    audit.append(conn, None, None, "login.failed", None, None,
                                 {"attempted_at": when, "unknown_user": True})
                audit.append(conn, user.id, user.username,
                             "login.recovery_key" if by_recovery_key else "login", "user", user.id)
                if settled:
                    audit.append(conn, user.id, user.username, settled.action, "record", None,
                                 settled.detail())
                if backup_failures:
                    conn.execute(delete(RecordMeta.__table__).where(
                        RecordMeta.__table__.c.key == BACKUP_FAILURES_KEY))
        # Attempts under unknown names are reported to administrators, not to whoever logs in next.
        failures = sorted(own + (nameless if is_admin else []))
        keys, created = SectionKeys(), {}
        if record.read_only:
            with record.engine.connect() as conn:
                keys = SectionKeys(unseal_held(conn, user.username, private) if private else {})
        else:
            with record.transaction() as conn:
                keys, created = section_grants.unlock(conn, record.keyfile, (user.id, user.username),
                                                      roles, private)
        return cls(record, user.id, user.username, user.display_name, roles, failures, upgraded_from,
                   backup_failures, clock, settled, keys, created)

    # --- session -------------------------------------------------------------------------------
    def close(self, automatic_backup: bool = True) -> None:
        """Log out and close the record, then (unless automatic_backup is False: a front end that
        already ran automatic_backup() on a worker, with progress and cancel) make the automatic
        backup if one is due."""
        if self.closed:
            return
        try:
            if not self.record.read_only:
                with self.record.transaction() as conn:
                    self._audit(conn, "logout", "user", self.user_id)
                if automatic_backup:
                    self._automatic_backup()
        finally:
            self.closed = True
            self.sections.forget()
            self.record.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- settings and drafts -------------------------------------------------------------------
    def setting(self, name: str) -> int | str:
        with self.record.engine.connect() as conn:
            return record_settings.setting_in(conn, name)

    def set_setting(self, name: str, value) -> None:
        self.set_settings({name: value})

    def set_settings(self, values: dict[str, object]) -> None:
        """Several settings at once (a settings dialog's OK): all are checked first, then all are
        written in one transaction, each with its audit entry; one invalid value changes none."""
        self._authorize("record", "settings")
        parsed = {name: record_settings.spec(name).parse(name, value) for name, value in values.items()}
        t = RecordMeta.__table__
        with self.record.transaction() as conn:
            for name, value in parsed.items():
                conn.execute(delete(t).where(t.c.key == "setting." + name))
                conn.execute(insert(t).values(key="setting." + name, value=str(value)))
                self._audit(conn, "record.setting_changed", "record", None, {"setting": name})

    def save_draft(self, kind: str, subject_id: int | None, payload: dict) -> None:
        """Keep unsaved edits (e.g. when the app locks) inside the encrypted record. Only a user
        who may make the change may keep a draft of it."""
        self._authorize(kind, "create" if subject_id is None else "update")
        t = Draft.__table__
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        with self.record.transaction() as conn:
            same = (t.c.subject_id.is_(None) if subject_id is None else t.c.subject_id == subject_id)
            conn.execute(delete(t).where(t.c.user_id == self.user_id, t.c.kind == kind, same))
            conn.execute(insert(t).values(user_id=self.user_id, kind=kind, subject_id=subject_id,
                                          payload=text, saved_at=utc_now_iso()))
            self._audit(conn, "draft.saved", kind, subject_id)

    def drafts(self) -> list[dict]:
        """This user's kept drafts. They stay until the user saves or discards the edit
        (discard_draft), so a crash after restoring loses nothing."""
        t = Draft.__table__
        with self.record.transaction() as conn:
            rows = conn.execute(select(t).where(t.c.user_id == self.user_id).order_by(t.c.id)).all()
            for r in rows:
                self._audit(conn, "draft.read", r.kind, r.subject_id)
        return [{"kind": r.kind, "subject_id": r.subject_id, "payload": json.loads(r.payload),
                 "saved_at": r.saved_at} for r in rows]

    def discard_draft(self, kind: str, subject_id: int | None) -> None:
        t = Draft.__table__
        same = (t.c.subject_id.is_(None) if subject_id is None else t.c.subject_id == subject_id)
        with self.record.transaction() as conn:
            if conn.execute(delete(t).where(t.c.user_id == self.user_id, t.c.kind == kind, same)).rowcount:
                self._audit(conn, "draft.discarded", kind, subject_id)

    # --- record administration -----------------------------------------------------------------
    def record_info(self) -> dict:
        with self.record.engine.connect() as conn:
            meta = dict(conn.execute(select(RecordMeta.key, RecordMeta.value)).all())
            rev = schema.current_revision(conn)
        return {"path": str(self.record.path), "schema": rev, **meta}

    def check(self) -> CheckReport:
        """File integrity, audit chain and schema version, read-only. Not case content: any user
        may. Only a record the check found healthy gets its `record.checked` entry: nothing is
        written to a file that did not verify (lifecycle.check_record does not even log in
        before verifying)."""
        if self.closed:
            raise RecordFileError("This session is closed; unlock the record again.")
        report = inspect_record(self.record.path, self.record.key)
        if report.ok and not self.record.read_only:
            self._note_check(report)
        return report

    def _note_check(self, report: CheckReport) -> None:
        with self.record.transaction() as conn:
            self._audit(conn, "record.checked", "record", None, {"ok": report.ok})

    def _note_restored(self, detail: dict) -> None:
        """lifecycle.switch_to_restored: this record replaced a damaged one (detail: the restored
        file, its head, the entries lost, the old file's new name; no case content)."""
        self._authorize("record", "backup")
        with self.record.transaction() as conn:
            self._audit(conn, "record.restored", "record", None, detail)

    def audit_head(self) -> tuple[int | None, str]:
        """The current chain head (entry id, hash), for documents and bundles to quote."""
        with self.record.engine.connect() as conn:
            return audit.head(conn)

    def audit_entries(self, subject_kind: str | None = None, subject_id: int | None = None,
                      limit: int = 10_000) -> list[dict]:
        self._authorize("audit", "read")
        check_count("limit", limit)
        t = AuditEntry.__table__
        q = select(t).order_by(t.c.id).limit(limit)
        if subject_kind:
            q = q.where(t.c.subject_kind == subject_kind)
        if subject_id is not None:
            q = q.where(t.c.subject_id == subject_id)
        with self.record.transaction() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            self._audit(conn, "audit.read", subject_kind, subject_id, {"entries": len(rows)})
        for r in rows:
            r["detail"] = json.loads(r["detail"]) if r["detail"] else None
        return rows

    def export_case_audit(self, case: int | str) -> list[dict]:
        """The audit entries of one case (by id or reference), for a court or a bundle."""
        self._authorize("audit", "export")
        t = AuditEntry.__table__
        with self.record.transaction() as conn:
            case_id = resolve_case(conn, case)
            rows = [dict(r._mapping) for r in conn.execute(
                select(t).where(t.c.subject_kind == "case", t.c.subject_id == case_id).order_by(t.c.id))]
            self._audit(conn, "audit.exported", "case", case_id, {"entries": len(rows)})
        for r in rows:
            r["detail"] = json.loads(r["detail"]) if r["detail"] else None
        return rows

    def backup(self) -> str:
        self._authorize("record", "backup")
        return str(self._back_up("manual"))

    def _back_up(self, reason: str, progress=None, cancel=None) -> Path:
        """A verified backup, then the old ones pruned by the record's retention settings, in the
        backups folder and in the second folder."""
        now = self._clock()
        target = backups.make_backup(self.record.path, self.record.key, reason, now,
                                     progress=progress, cancel=cancel)
        with self.record.transaction() as conn:  # only once the verified copy is published
            self._audit(conn, "record.backup", "record", None, {"file": target.name, "reason": reason})
        second = self._copy_to_second_folder(target)
        for folder, detail in ((None, {}), (second, {"folder": "second"})):
            if folder is None and detail:
                continue
            pruned = backups.prune(self.record.path, target, now, self.setting("backup_keep_days"),
                                   self.setting("backup_keep_weeks"), folder)
            if pruned:
                with self.record.transaction() as conn:
                    self._audit(conn, "record.backups_pruned", "record", None, {"count": pruned, **detail})
        return target

    def _copy_to_second_folder(self, target: Path) -> Path | None:
        """The backup also in backup_second_folder, if one is set; returns that folder if the copy
        was made there. A failure there does not fail the backup already published: it is audited
        and reported to administrators."""
        folder = self.setting("backup_second_folder")
        if not folder:
            return None
        try:
            backups.copy_to_second_folder(target, Path(folder))
            return Path(folder)
        except FileNotFoundError:
            self._note_backup_failure("second_folder_missing")
        except DiskFull:
            self._note_backup_failure("second_folder_disk_full")
        except Exception:  # noqa: BLE001 - unwritable, or the copy did not verify
            self._note_backup_failure("second_folder_failed")
        return None

    def automatic_backup_due(self) -> bool:
        """Whether closing now would make an automatic backup: the newest backup is older than
        backup_interval_hours (or there is none). Never for 0 (off) or a read-only session."""
        if self.closed or self.record.read_only:
            return False
        hours = self.setting("backup_interval_hours")
        if hours == 0:
            return False
        last = backups.last_backup_at(self.record.path)
        return last is None or self._clock() - last >= timedelta(hours=hours)

    def automatic_backup(self, progress: Callable[[int, int], None] | None = None,
                         cancel: Callable[[], bool] | None = None) -> str | None:
        """The automatic backup, if one is due (automatic_backup_due), made by whoever closes
        the record (no grant needed): the desktop app calls it on a worker before
        close(automatic_backup=False). progress(done_bytes, total_bytes) follows the copy;
        cancel() -> True stops it with Cancelled, leaving nothing in the backups folder and no
        failure in the audit trail. Returns the backup's path, or None when none was due. Any
        other failure is audited as record.backup_failed and kept for the next administrator's
        login, then raised for the caller to show."""
        try:
            if not self.automatic_backup_due():
                return None
            return str(self._back_up("auto", progress, cancel))
        except Cancelled:
            raise
        except Exception as e:
            reason = ("damaged_source" if isinstance(e, backups.DamagedSource)
                      else "disk_full" if isinstance(e, DiskFull) else "copy_failed")
            try:
                self._note_backup_failure(reason)
            except Exception:  # noqa: BLE001 - a record that cannot take the entry still closes
                pass
            raise

    def _automatic_backup(self) -> None:
        """On closing: automatic_backup(), which never fails the close (its failures are
        already audited and kept for the next administrator)."""
        try:
            self.automatic_backup()
        except Exception:  # noqa: BLE001 - closing must complete whatever the backup met
            pass

    def _note_backup_failure(self, reason: str) -> None:
        t = RecordMeta.__table__
        with self.record.transaction() as conn:
            self._audit(conn, "record.backup_failed", "record", None, {"reason": reason})
            raw = conn.execute(select(t.c.value).where(t.c.key == BACKUP_FAILURES_KEY)).scalar()
            pending = json.loads(raw) if raw else []
            pending.append({"at": to_utc_iso(self._clock()), "reason": reason})
            conn.execute(delete(t).where(t.c.key == BACKUP_FAILURES_KEY))
            conn.execute(insert(t).values(key=BACKUP_FAILURES_KEY, value=json.dumps(pending)))

    def rotate_record_key(self, deliver_recovery_key: Callable[[str], None] | None = None, *,
                          recovery_key_file: Path | str | None = None) -> str:
        """Replace the record key after a suspected compromise. Every slot gets the new key,
        the file is re-encrypted in one transaction, and a new recovery key is issued.
        deliver_recovery_key (e.g. show it) runs before the switch, so the new key is never lost
        to a crash. With recovery_key_file (a new name), the key is written to
        `<file>.pending` before the switch and renamed to the file only once the rotation is
        done: a crash at any point leaves a record that opens, and the next unlock settles that
        file (renamed into place, or to `<file>.unused` if the rotation was undone; see
        record/rotation.py)."""
        self._authorize("record", "rotate_key")
        target = Path(recovery_key_file) if recovery_key_file is not None else None
        if target is not None:
            rotation.check_target(target, "recovery_key_file")
        new_key = secrets.token_bytes(32)
        recovery = format_recovery_key(new_key)
        kf = self.record.keyfile
        with self.record.transaction() as conn:
            self._audit(conn, "record.key_rotation_started", "record", None)
        rotation.begin(kf, new_key, target)
        try:
            if target is not None:
                rotation.deliver(target, recovery, "recovery_key_file")
            if deliver_recovery_key:
                deliver_recovery_key(recovery)
        except BaseException:
            rotation.abandon(kf, self.record.key, target)   # nothing was switched yet
            raise
        self.record.engine.dispose()
        rekey_file(self.record.path, self.record.key, new_key)
        self.record.reconnect(new_key)
        rotation.end(kf, new_key, target)
        with self.record.transaction() as conn:
            self._audit(conn, "record.key_rotated", "record", None)
        return recovery
