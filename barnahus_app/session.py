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
from barnahus_app.record import anchors, backups, keyslots, rotation, schema, shares
from barnahus_app import settings as record_settings
from barnahus_app.persons.agencies import AgencyActions
from barnahus_app.cases.actions import CaseActions
from barnahus_app.errors import Cancelled, DiskFull, RecordFileError, WrongCredentials
from barnahus_app.files import check_destination, write_file_safely
from barnahus_app.fields import check_count
from barnahus_app.followup.actions import FollowUpActions
from barnahus_app.interviews.actions import InterviewActions
from barnahus_app.medical.actions import MedicalActions
from barnahus_app.meetings.actions import MeetingActions, refresh_review_dates
from barnahus_app.medical.evidence import EvidenceActions
from barnahus_app.documents.issuing import IssuingActions, held_credentials
from barnahus_app.record.keyslots import format_recovery_key
from barnahus_app.record.sections import SectionKeys, unseal_held
from barnahus_app.tables import AuditEntry, Draft, RecordMeta
from barnahus_app.persons.actions import PersonActions
from barnahus_app.justice.actions import JusticeActions
from barnahus_app.psychosocial.actions import PsychosocialActions
from barnahus_app.recordings.actions import RecordingActions
from barnahus_app.referrals.actions import ReferralActions
from barnahus_app.record.handle import Record, rekey_file
from barnahus_app.record.inspection import CheckReport, inspect_record
from barnahus_app.users.accounts import find_user, user_roles
from barnahus_app.timeutil import to_utc_iso, utc_now, utc_now_iso
from barnahus_app.users.actions import UserActions
from barnahus_app.users import section_grants
from barnahus_app.cases.actions import resolve_case


# Drafts of edits whose kind is not a policy kind: the grant that edit needs.
DRAFT_GRANTS = {"meeting_item": "meeting"}   # a minute-taker's unsaved agenda item (record_item)

BACKUP_FAILURES_KEY = "backup.failures_unreported"   # record_meta: JSON list, cleared at an admin's login


def _unreported_backup_failures(record: Record) -> list[dict]:
    with record.engine.connect() as conn:
        raw = conn.execute(select(RecordMeta.value).where(RecordMeta.key == BACKUP_FAILURES_KEY)).scalar()
    return json.loads(raw) if raw else []


FAILURE_ANCHOR_KEY = "login.failure_anchor"              # record_meta: JSON [seq, hash] (keyslots.py)
FAILURES_TAMPERED_KEY = "login.failures_tampered_unreported"  # record_meta: JSON list, cleared at an admin's login


def _failure_anchor(record: Record) -> tuple[int, str] | None:
    """(seq, hash) of the key file's failure list where the record last consumed it; None if it
    never did (a new record, or one from before the list)."""
    with record.engine.connect() as conn:
        raw = conn.execute(select(RecordMeta.value).where(RecordMeta.key == FAILURE_ANCHOR_KEY)).scalar()
    if not raw:
        return None
    seq, digest = json.loads(raw)
    return int(seq), str(digest)


def _consume_failures(conn, report: keyslots.FailureReport, clock, is_admin: bool,
                      replaced: bool = False) -> list[dict]:
    """In the login's transaction: each failed attempt the record had not consumed becomes a
    `login.failed` entry (the account tried as subject, or unknown_user, never the typed name);
    a failure list found reset, cut or rewritten is audited as `login.failures_tampered` and kept
    for the administrators; the record's anchor moves to the list's head. Returns the
    tampering notes for an administrator (cleared once returned), else []."""
    t = RecordMeta.__table__
    for e in report.new:
        user = None if e["name"].startswith("?") else find_user(conn, e["name"])
        detail = {"attempted_at": e["at"], "seq": e["seq"]}
        if e.get("by") == "recovery_key":
            detail["by"] = "recovery_key"
        if user is None:
            audit.append(conn, None, None, "login.failed", None, None, {**detail, "unknown_user": True})
        else:
            audit.append(conn, None, None, "login.failed", "user", user.id, detail)
    raw = conn.execute(select(t.c.value).where(t.c.key == FAILURES_TAMPERED_KEY)).scalar()
    notes = json.loads(raw) if raw else []
    if report.tampered or replaced:
        anchor = conn.execute(select(t.c.value).where(t.c.key == FAILURE_ANCHOR_KEY)).scalar()
        detail = {"reason": report.tampered or "key_file_replaced",
                  "record_saw": json.loads(anchor)[0] if anchor else 0, "key_file_has": report.head[0]}
        audit.append(conn, None, None, "login.failures_tampered", "record", None, detail)
        if report.tampered:
            notes.append({"at": to_utc_iso(clock()), "reason": report.tampered})
    conn.execute(delete(t).where(t.c.key.in_([FAILURE_ANCHOR_KEY, FAILURES_TAMPERED_KEY])))
    conn.execute(insert(t).values(key=FAILURE_ANCHOR_KEY, value=json.dumps(list(report.head))))
    if notes and not is_admin:
        conn.execute(insert(t).values(key=FAILURES_TAMPERED_KEY, value=json.dumps(notes)))
        return []
    return notes


class Session(UserActions, PersonActions, CaseActions, AgencyActions, FollowUpActions, InterviewActions,
              RecordingActions, IssuingActions, MeetingActions, ReferralActions, MedicalActions,
              EvidenceActions, PsychosocialActions, JusticeActions):
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
        # The failure list in the key file found reset, cut or rewritten since an administrator
        # last logged in ({"at", "reason"}), shown to administrators once, after login.
        self.failure_tampering: list[dict] = []
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
        is_admin = policy.Role.ADMIN.value in roles
        backup_failures = _unreported_backup_failures(record) if is_admin else []
        own, nameless, tampering = [], [], []
        if not record.read_only:
            # A key file lost or damaged, replaced at this (recovery-key) unlock: its failure list
            # starts anew, which the unlock's own note already tells (audited, not reported).
            anchor = _failure_anchor(record)
            replaced = record.keyfile.fresh and anchor is not None
            record.keyfile.save()
            report = keyslots.take_failure_report(record.path, username, is_admin,
                                                  None if replaced else anchor)
            own, nameless = report.own, report.nameless
            with record.transaction() as conn:
                if upgraded_from:
                    audit.append(conn, user.id, user.username, "record.upgraded", "record", None,
                                 {"from": upgraded_from, "to": schema.head_revision()})
                tampering = _consume_failures(conn, report, clock, is_admin, replaced)
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
        session = cls(record, user.id, user.username, user.display_name, roles, failures, upgraded_from,
                      backup_failures, clock, settled, keys, created)
        session.failure_tampering = tampering
        return session

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
            if "review_interval_days" in parsed:   # the cases on the default interval follow it
                refresh_review_dates(conn)

    def save_draft(self, kind: str, subject_id: int | None, payload: dict) -> None:
        """Keep unsaved edits (e.g. when the app locks) inside the encrypted record. Only a user
        who may make the change may keep a draft of it."""
        self._authorize(DRAFT_GRANTS.get(kind, kind), "create" if subject_id is None else "update")
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

    def check(self, seal: Path | str | None = None) -> CheckReport:
        """File integrity, audit chain and schema version, and the chain against the heads
        quoted outside it (issued documents, the backups' seals, and seal: an audit seal file,
        whose signature must be the centre's), read-only. Not case content: any user may. Only a
        record the check found healthy gets its `record.checked` entry: nothing is written to a
        file that did not verify (lifecycle.check_record does not even log in before
        verifying)."""
        if self.closed:
            raise RecordFileError("This session is closed; unlock the record again.")
        report = inspect_record(self.record.path, self.record.key, seal)
        if report.ok and not self.record.read_only:
            self._note_check(report, seal)
        return report

    def _note_check(self, report: CheckReport, seal: Path | str | None = None) -> None:
        detail = {"ok": report.ok}
        if seal is not None:   # not its file name, which the user chose (it may name someone)
            detail["against_seal"] = True
        with self.record.transaction() as conn:
            self._audit(conn, "record.checked", "record", None, detail)

    def seal_audit_trail(self, out: Path | str, *, replace: bool = False) -> dict:
        """An audit seal in the file out (new, or replace=True after a save dialog asked): the
        chain's head, its length, the record id and the time, signed by the centre's
        document-signing key (unsigned, and saying so, before the centre has one). Kept outside
        the record, it lets `check --seal` prove later that the chain still holds that head.
        Only a chain that verifies entry by entry is sealed. Returns the seal's fields."""
        self._authorize("audit", "export")
        out = Path(out)
        check_destination(out, "seal", replace=replace)
        with self.record.engine.connect() as conn:
            chain = audit.verify_chain(conn)
            record_id = anchors.record_id_of(conn)
        if not chain.ok:
            raise RecordFileError(f"The audit trail is broken at entry {chain.first_broken_id} "
                                  f"({chain.problem}), so it was not sealed. Run the check.")
        payload = anchors.seal_payload(record_id, (chain.head_id, chain.head_hash), chain.entries,
                                       to_utc_iso(self._clock()))
        seal = self._seal_signer()(payload)
        write_file_safely(out, anchors.seal_text(seal), "seal", replace=replace)
        try:
            with self.record.transaction() as conn:
                self._audit(conn, "audit.sealed", "record", None,
                            {"head": chain.head_id, "entries": chain.entries,
                             "signed": seal.get("signature") is not None})
        except BaseException:
            out.unlink(missing_ok=True)
            raise
        return seal

    def _seal_signer(self):
        """Signs an audit seal (anchors.sign_seal) with the centre's document-signing key; before
        the centre has one, or when this user does not hold the signing_keys section (say a
        medical examiner's logout makes the automatic backup), leaves it unsigned, saying so."""
        with self.record.engine.connect() as conn:
            creds = held_credentials(self, conn)
        if creds is None:
            return lambda payload: anchors.sign_seal(payload, None, None)
        return lambda payload: anchors.sign_seal(payload, creds.key_pem, creds.cert_pem, creds.chain_pems)

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
                                     progress=progress, cancel=cancel, sign=self._seal_signer())
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

    def split_recovery_key(self, k: int, n: int, passphrase: str = "") -> list[str]:
        """The record's recovery key in n SLIP-39 word shares, any k of which give it back
        (record/shares.py). Administrators only; the audit trail says k and n, never a share.
        A later key rotation makes these shares useless: split the new key again."""
        self._authorize("record", "split_key")
        made = shares.split_key(self.record.key, k, n, passphrase)
        with self.record.transaction() as conn:
            self._audit(conn, "record.recovery_key_split", "record", None, {"k": k, "n": n})
        return made
