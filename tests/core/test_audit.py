"""The audit trail: one entry per user action (who, what, which subject, when in UTC), never any
case content; append-only in the file itself; hash-chained so that any change, removal or
reordering is found, at the first entry it breaks."""
from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone

import pytest
import sqlcipher3

from barnahus_app import audit
from barnahus_app.record import storage
from barnahus_app.api import CaseFilter, WrongCredentials, open_record
from barnahus_app.record.keyslots import parse_recovery_key
from barnahus_app.timeutil import parse_utc
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, make_record, sample_case

COLUMNS = ("id", "at_utc", "user_id", "username", "action", "subject_kind", "subject_id", "detail",
           "prev_hash", "entry_hash")
UTC_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


@pytest.fixture
def rec(tmp_path):
    """(path, recovery key) of a record with admin and one user per role."""
    return make_record(tmp_path)


def login(path, username, password=None):
    pw = password or (ADMIN_PASSWORD if username == "admin" else STAFF_PASSWORD)
    return open_record(path, username, pw, kdf=FAST_KDF)


def raw(path, recovery_key: str | None = None, key: bytes | None = None):
    """A plain sqlcipher3 connection, keyed with the recovery key (as any SQLCipher client would)."""
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    k = key if key is not None else parse_recovery_key(recovery_key)
    conn.execute('PRAGMA key = "' + storage.raw_key_literal(k) + '"')
    return conn


def rows(conn) -> list[dict]:
    return [dict(zip(COLUMNS, r)) for r in
            conn.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_log ORDER BY id").fetchall()]


def entries_of(session) -> list[dict]:
    conn = raw(session.record.path, key=session.record.key)
    try:
        return rows(conn)
    finally:
        conn.close()


def drop_triggers(conn) -> None:
    names = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")]
    assert sorted(names) == ["audit_log_no_delete", "audit_log_no_replace", "audit_log_no_update"]
    for n in names:
        conn.execute(f"DROP TRIGGER {n}")
    conn.commit()


# --- every action writes one complete entry -------------------------------------------------------

def test_every_create_update_and_read_writes_one_complete_entry(rec):
    path, _ = rec
    log = []

    def step(s, call, action, kind, subject, count=1, sealed=()):
        """sealed: the section entries (section_grants.py, their own actions) a change of a user's
        sections writes beside the call's own entry, in that order after it."""
        before = entries_of(s)
        t0 = datetime.now(timezone.utc)
        result = call()
        t1 = datetime.now(timezone.utc)
        after = entries_of(s)
        assert after[:len(before)] == before, f"{action}: earlier entries changed"
        new = after[len(before):]
        assert [e["action"] for e in new if e["action"].startswith("section.")] == list(sealed), action
        new = [e for e in new if not e["action"].startswith("section.")]
        assert len(new) == count, (action, [e["action"] for e in new])
        e = new[-1]
        subject_id = subject(result) if callable(subject) else subject
        assert (e["action"], e["subject_kind"], e["subject_id"]) == (action, kind, subject_id)
        assert (e["user_id"], e["username"]) == (s.user_id, s.username)
        for n in new:
            assert UTC_ISO.match(n["at_utc"]), n["at_utc"]
            assert t0 <= parse_utc(n["at_utc"]) <= t1
        log.append(action)
        return result

    with login(path, "coordinator") as s:
        pid = step(s, lambda: s.create_person(given_name="Ada", family_name="Auditdottir",
                                              date_of_birth="2012-01-02", acknowledge_duplicates=True),
                   "person.created", "person", lambda r: r)
        adult = step(s, lambda: s.create_person(given_name="Bo", family_name="Auditson", date_of_birth="1970-01-01",
                                                acknowledge_duplicates=True), "person.created", "person", lambda r: r)
        step(s, lambda: s.get_person(pid), "person.read", "person", pid)
        step(s, lambda: s.update_person(pid, notes="n", terms={"risk_factors": ["poverty"]}),
             "person.updated", "person", pid)
        step(s, lambda: s.add_age_assessment(pid, assessed_on="2024-01-01", method="documents",
                                             assessor="X", basis="Y"), "person.age_assessed", "person", pid)
        step(s, lambda: s.set_no_contact(adult, pid), "person.no_contact_set", "person", min(pid, adult))
        case = step(s, lambda: s.create_case(referral_received_at="2026-01-02T10:00:00+01:00", jurisdiction="SE"),
                    "case.created", "case", lambda r: r["id"])
        cid = case["id"]
        step(s, lambda: s.update_case(cid, summary="s"), "case.updated", "case", cid)
        step(s, lambda: s.add_child(cid, pid, "victim"), "case.child_added", "case", cid)
        step(s, lambda: s.add_party(cid, adult, "alleged_offender", "stranger", pid), "case.party_added", "case", cid)
        step(s, lambda: s.record_information_given(cid, told_at="2026-01-03T10:00:00+01:00", language="sv",
                                                   format="oral", topic="t"), "case.information_given", "case", cid)
        step(s, lambda: s.get_case(cid), "case.read", "case", cid)
        step(s, lambda: s.list_cases(CaseFilter(status="referred")), "case.list", None, None)
        aid = step(s, lambda: s.create_agency(name="Police", kind="police"), "agency.created", "agency", lambda r: r)
        step(s, lambda: s.update_agency(aid, phone="1"), "agency.updated", "agency", aid)
        step(s, lambda: s.add_staff_contact(agency_id=aid, name="Officer"), "agency.staff_added", "agency", aid)
        step(s, lambda: s.list_users(), "user.list", None, None)
        step(s, lambda: s.audit_entries(), "audit.read", None, None)
        step(s, lambda: s.export_case_audit(cid), "audit.exported", "case", cid)
        step(s, lambda: s.save_draft("case", cid, {"summary": "d"}), "draft.saved", "case", cid)
        step(s, lambda: s.drafts(), "draft.read", "case", cid)
        step(s, lambda: s.discard_draft("case", cid), "draft.discarded", "case", cid)
        step(s, lambda: s.check(), "record.checked", "record", None)
        step(s, lambda: s.change_own_password(STAFF_PASSWORD, "another-password-1"),
             "user.password_changed", "user", s.user_id)
    with login(path, "admin") as s:
        uid = step(s, lambda: s.add_user("newbie", "New Bie", ["medical"], STAFF_PASSWORD),
                   "user.created", "user", lambda r: r)
        # a therapist holds the signing section (they issue the psychosocial summary): the
        # administrator, a holder, seals it to them (and at a password reset), and re-keys it when they
        # are disabled
        step(s, lambda: s.set_roles("newbie", ["medical", "therapist"]), "user.roles_set", "user", uid,
             sealed=["section.key_sealed"])
        step(s, lambda: s.reset_password("newbie", "reset-password-1"), "user.password_reset", "user", uid,
             sealed=["section.key_sealed"])
        step(s, lambda: s.set_active("newbie", False), "user.disabled", "user", uid, sealed=["section.rekeyed"])
        step(s, lambda: s.set_active("newbie", True), "user.enabled", "user", uid)   # sealed at their unlock
        step(s, lambda: s.set_setting("idle_lock_minutes", 20), "record.setting_changed", "record", None)
        step(s, lambda: s.backup(), "record.backup", "record", None)
        step(s, lambda: s.rotate_record_key(), "record.key_rotated", "record", None, count=2)
        assert [e["action"] for e in entries_of(s)[-2:]] == ["record.key_rotation_started", "record.key_rotated"]
    assert len(log) == 32  # every step above ran


def test_reads_are_audited_for_every_role_that_may_read(rec):
    path, _ = rec
    with login(path, "coordinator") as s:
        case = sample_case(s)
    for user in ("coordinator", "interviewer", "medical", "therapist", "liaison"):
        with login(path, user) as s:
            s.get_case(case["id"])
            s.get_person(case["child_id"])
            last = entries_of(s)[-2:]
            assert [(e["action"], e["subject_id"], e["username"]) for e in last] == [
                ("case.read", case["id"], user), ("person.read", case["child_id"], user)]


# --- no case content -----------------------------------------------------------------------------

def test_no_case_content_reaches_the_audit_trail(rec):
    """A unique canary typed into every free-text field, searched for, and used as a user name at
    a failed unlock never appears in any column of any audit entry."""
    path, _ = rec
    canary = "Kanari" + uuid.uuid4().hex[:12]
    dob = "1911-11-11"
    with login(path, "coordinator") as s:
        child = s.create_person(given_name=canary, family_name=canary + "dottir", other_names=canary,
                                date_of_birth="2013-03-03", notes=canary, address=canary, phone=canary,
                                gender_description=canary, nationality=canary, country_of_origin=canary,
                                disability=canary, acknowledge_duplicates=True)
        adult = s.create_person(given_name="Adult" + canary, family_name=canary, date_of_birth=dob,
                                acknowledge_duplicates=True)
        case = s.create_case(referral_received_at="2026-02-02T09:00:00+01:00", jurisdiction="SE",
                             summary=canary, police_reference=canary, prosecution_reference=canary)
        cid = case["id"]
        s.add_child(cid, child, "victim")
        s.add_party(cid, adult, "alleged_offender", "stranger", child)
        s.set_no_contact(child, adult, canary)
        s.add_age_assessment(child, assessed_on="2024-02-02", method="interview", assessor=canary, basis=canary)
        s.record_information_given(cid, told_at="2026-02-03T09:00:00+01:00", language="sv",
                                   format="oral", topic=canary)
        s.update_person(child, notes=canary + " again", family_name=canary + "sdottir")
        s.update_case(cid, summary=canary + " again")
        aid = s.create_agency(name=canary, kind="police", phone=canary, email=canary)
        s.add_staff_contact(agency_id=aid, name=canary, title=canary)
        s.save_draft("case", cid, {"summary": canary})
        assert s.list_cases(CaseFilter(text=canary)).total == 1
        assert s.find_similar_persons(canary, canary, dob) != []
        s.get_person(child)
        s.get_case(cid)
        s.export_case_audit(cid)
        s.audit_entries()
    with pytest.raises(WrongCredentials):
        open_record(path, canary, "wrong-password-1", kdf=FAST_KDF)
    with pytest.raises(WrongCredentials):
        open_record(path, "coordinator", canary, kdf=FAST_KDF)
    with login(path, "admin") as s:
        s.add_user("user" + canary.lower()[-8:], canary, ["medical"], STAFF_PASSWORD)
        all_rows = entries_of(s)
    assert len(all_rows) > 25
    assert any(e["action"] == "login.failed" for e in all_rows)
    for e in all_rows:
        for col, value in e.items():
            text = str(value).casefold()
            assert canary.casefold() not in text, (e["id"], e["action"], col)
            assert dob not in text, (e["id"], e["action"], col)
    # The canary is in the record (the scan above looked in the right file).
    conn = raw(path, rec[1])
    try:
        assert conn.execute("SELECT count(*) FROM persons WHERE given_name = ?", (canary,)).fetchone() == (1,)
    finally:
        conn.close()


# --- append-only, in the file itself ---------------------------------------------------------------

def test_update_and_delete_on_the_audit_trail_are_refused_by_triggers(rec):
    path, recovery = rec
    conn = raw(path, recovery)
    try:
        before = rows(conn)
        assert len(before) >= 2
        for sql in ("UPDATE audit_log SET action = 'login' WHERE id = 1",
                    "UPDATE audit_log SET detail = NULL",
                    "DELETE FROM audit_log WHERE id = 1",
                    f"DELETE FROM audit_log WHERE id = {before[-1]['id']}",
                    "DELETE FROM audit_log"):
            with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
                conn.execute(sql)
            conn.rollback()
        assert rows(conn) == before
    finally:
        conn.close()


def test_the_app_connection_cannot_change_the_trail_either(rec):
    from sqlalchemy import delete, update
    from sqlalchemy.exc import IntegrityError

    path, _ = rec
    with login(path, "admin") as s:
        before = entries_of(s)
        t = audit.T
        with pytest.raises(IntegrityError, match="append-only"):
            with s.record.engine.begin() as conn:
                conn.execute(update(t).where(t.c.id == 1).values(action="x"))
        with pytest.raises(IntegrityError, match="append-only"):
            with s.record.engine.begin() as conn:
                conn.execute(delete(t).where(t.c.id == 1))
        assert entries_of(s) == before


def test_replace_cannot_overwrite_an_entry(rec):
    path, recovery = rec
    conn = raw(path, recovery)
    try:
        before = rows(conn)
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute("INSERT OR REPLACE INTO audit_log(id, at_utc, action, prev_hash, entry_hash) "
                         "VALUES (1, 'then', 'forged', 'x', 'y')")
        conn.rollback()
        assert rows(conn) == before
    finally:
        conn.close()


def test_a_replaced_entry_is_still_caught_by_the_chain(rec):
    """Whatever the triggers miss, the chain reports."""
    path, recovery = rec
    conn = raw(path, recovery)
    try:
        drop_triggers(conn)
        conn.execute("REPLACE INTO audit_log(id, at_utc, action, prev_hash, entry_hash) "
                     "SELECT id, at_utc, 'forged', prev_hash, entry_hash FROM audit_log WHERE id = 2")
        conn.commit()
    finally:
        conn.close()
    with login(path, "admin") as s:
        chain = s.check().chain
    assert (chain.first_broken_id, chain.problem) == (2, "was changed after it was written")


# --- the chain -------------------------------------------------------------------------------------

def _busy_record(rec) -> int:
    """Some activity; returns the number of entries."""
    path, recovery = rec
    with login(path, "coordinator") as s:
        sample_case(s)
        sample_case(s)
    conn = raw(path, recovery)
    try:
        return len(rows(conn))
    finally:
        conn.close()


def test_the_chain_verifies_and_the_head_is_the_last_entry(rec):
    path, recovery = rec
    n = _busy_record(rec)
    with login(path, "coordinator") as s:
        report = s.check()
        assert report.ok, report.lines()
        assert report.chain.first_broken_id is None and report.chain.entries == n + 1  # + this login
        head = s.audit_head()
        last = entries_of(s)[-1]
        assert head == (last["id"], last["entry_hash"])
        assert last["action"] == "record.checked"  # check() wrote its entry after verifying
        s.get_case(1)
        last = entries_of(s)[-1]
        assert s.audit_head() == (last["id"], last["entry_hash"]) != head
    conn = raw(path, recovery)
    try:
        prev = audit.GENESIS
        for i, e in enumerate(rows(conn), start=1):
            assert e["id"] == i and e["prev_hash"] == prev
            assert e["entry_hash"] == audit.entry_hash(*(e[c] for c in COLUMNS[:9]))
            prev = e["entry_hash"]
    finally:
        conn.close()


def _tamper(rec, *statements):
    path, recovery = rec
    conn = raw(path, recovery)
    try:
        drop_triggers(conn)
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _first_broken(rec):
    path, _ = rec
    with login(path, "admin") as s:
        report = s.check()
    assert not report.ok
    assert any("BROKEN at entry" in line for line in report.lines())
    return report.chain.first_broken_id, report.chain.problem


@pytest.mark.parametrize("column,value,problem", [
    ("action", "'record.tampered'", "was changed after it was written"),   # no entry's own action
    ("at_utc", "'2020-01-01T00:00:00.000000Z'", "was changed after it was written"),
    ("user_id", "999", "was changed after it was written"),
    ("username", "'someone'", "was changed after it was written"),
    ("subject_kind", "'tampered'", "was changed after it was written"),
    ("subject_id", "12345", "was changed after it was written"),
    ("detail", "'{\"x\":1}'", "was changed after it was written"),
    ("entry_hash", "'" + "0" * 64 + "'", "was changed after it was written"),
    ("prev_hash", "'" + "0" * 64 + "'", "does not follow the entry before it"),
])
def test_a_changed_entry_is_reported_exactly(rec, column, value, problem):
    n = _busy_record(rec)
    k = n // 2
    _tamper(rec, f"UPDATE audit_log SET {column} = {value} WHERE id = {k}")
    assert _first_broken(rec) == (k, problem)


@pytest.mark.parametrize("where", ["first", "middle", "last_but_one"])
def test_a_changed_action_is_reported_at_its_entry(rec, where):
    n = _busy_record(rec)
    k = {"first": 1, "middle": n // 2, "last_but_one": n - 1}[where]
    _tamper(rec, f"UPDATE audit_log SET action = 'case.read' WHERE id = {k}")
    assert _first_broken(rec) == (k, "was changed after it was written")


@pytest.mark.parametrize("where", ["first", "middle"])
def test_a_deleted_entry_is_reported_at_the_entry_after_it(rec, where):
    n = _busy_record(rec)
    k = {"first": 1, "middle": n // 2}[where]
    _tamper(rec, f"DELETE FROM audit_log WHERE id = {k}")
    assert _first_broken(rec) == (k + 1, f"entry {k} is missing")


def test_reordered_entries_are_reported_at_the_first_moved_one(rec):
    n = _busy_record(rec)
    k = n // 2
    cols = ", ".join(c for c in COLUMNS if c != "id")
    _tamper(rec,
            "CREATE TEMP TABLE swap AS SELECT * FROM audit_log WHERE id IN (%d, %d)" % (k, k + 1),
            f"DELETE FROM audit_log WHERE id IN ({k}, {k + 1})",
            f"INSERT INTO audit_log(id, {cols}) SELECT {k + 1}, {cols} FROM swap WHERE id = {k}",
            f"INSERT INTO audit_log(id, {cols}) SELECT {k}, {cols} FROM swap WHERE id = {k + 1}")
    assert _first_broken(rec) == (k, "does not follow the entry before it")


def test_removing_the_newest_entries_needs_the_quoted_head(rec):
    """Cutting entries off the end leaves a valid chain: the head quoted in documents is what shows
    it, because it is no longer in the trail."""
    path, _ = rec
    _busy_record(rec)
    with login(path, "coordinator") as s:
        s.get_case(1)
        quoted = s.audit_head()
        assert quoted[1] in {e["entry_hash"] for e in entries_of(s)}
    _tamper(rec, f"DELETE FROM audit_log WHERE id >= {quoted[0] - 2}")
    with login(path, "admin") as s:
        assert s.check().chain.ok
        assert quoted[1] not in {e["entry_hash"] for e in entries_of(s)}
        assert s.audit_head() != quoted


# --- login, logout, failed unlock -----------------------------------------------------------------

def test_login_and_logout_are_audited(rec):
    path, _ = rec
    login(path, "therapist").close()   # the first therapist's unlock makes the therapy section
    s = login(path, "therapist")
    uid = s.user_id
    e = entries_of(s)[-1]
    assert (e["action"], e["user_id"], e["username"], e["subject_kind"], e["subject_id"]) == (
        "login", uid, "therapist", "user", uid)
    key = s.record.key
    s.close()
    conn = raw(path, key=key)
    try:
        e = rows(conn)[-1]
    finally:
        conn.close()
    assert (e["action"], e["user_id"], e["subject_id"]) == ("logout", uid, uid)


def test_login_with_the_recovery_key_is_audited_as_such(rec):
    path, recovery = rec
    with open_record(path, "admin", recovery_key=recovery, kdf=FAST_KDF) as s:
        e = entries_of(s)[-1]
        assert (e["action"], e["username"], e["subject_id"]) == ("login.recovery_key", "admin", s.user_id)


def test_failed_unlocks_are_audited_at_the_next_login(rec):
    path, recovery = rec
    with login(path, "medical"):   # the first unlock of a medical user creates the medical section
        pass
    for _ in range(2):
        with pytest.raises(WrongCredentials):
            open_record(path, "medical", "not-the-password", kdf=FAST_KDF)
    # A failed open changes nothing in the record itself.
    conn = raw(path, recovery)
    try:
        assert not [e for e in rows(conn) if e["action"] == "login.failed"]
    finally:
        conn.close()
    with login(path, "medical") as s:
        assert len(s.failed_attempts) == 2
        tail = entries_of(s)[-3:]
        assert [e["action"] for e in tail] == ["login.failed", "login.failed", "login"]
        for e in tail[:2]:
            assert e["user_id"] is None and e["username"] is None
            assert (e["subject_kind"], e["subject_id"]) == ("user", s.user_id)
            assert e["detail"] is not None and "attempted_at" in e["detail"]
    with login(path, "medical") as s:  # reported once
        assert s.failed_attempts == []
        assert [e["action"] for e in entries_of(s)[-2:]] == ["logout", "login"]


def test_a_failed_unlock_under_an_unknown_name_is_audited_without_the_name(rec):
    path, _ = rec
    with pytest.raises(WrongCredentials):
        open_record(path, "nosuchname", "not-the-password", kdf=FAST_KDF)
    with login(path, "interviewer") as s:
        failed = [e for e in entries_of(s) if e["action"] == "login.failed"]
    assert len(failed) == 1
    assert "nosuchname" not in repr(failed)


def test_a_failed_unlock_under_an_unknown_name_is_not_pinned_on_the_next_user(rec):
    path, _ = rec
    with pytest.raises(WrongCredentials):
        open_record(path, "nosuchname", "not-the-password", kdf=FAST_KDF)
    with login(path, "interviewer") as s:
        failed = [e for e in entries_of(s) if e["action"] == "login.failed"]
        assert s.failed_attempts == []
        assert [(e["subject_kind"], e["subject_id"]) for e in failed if e["subject_id"] == s.user_id] == []


# --- export of one case's trail -------------------------------------------------------------------

def test_export_case_audit_returns_exactly_that_cases_entries(rec):
    path, recovery = rec
    with login(path, "coordinator") as s:
        a = sample_case(s)
        b = sample_case(s)
        s.get_case(a["id"])
        s.update_case(b["id"], summary="b")
        s.get_case(b["id"])
        exported = s.export_case_audit(a["id"])
    conn = raw(path, recovery)
    try:
        all_rows = rows(conn)
    finally:
        conn.close()
    of_a = [e for e in all_rows if e["subject_kind"] == "case" and e["subject_id"] == a["id"]
            and e["action"] != "audit.exported"]
    assert [e["id"] for e in exported] == [e["id"] for e in of_a]
    assert {e["action"] for e in exported} >= {"case.created", "case.child_added", "case.party_added", "case.read"}
    assert all(e["subject_kind"] == "case" and e["subject_id"] == a["id"] for e in exported)
    assert not {e["id"] for e in exported} & {e["id"] for e in all_rows if e["subject_id"] == b["id"]
                                               and e["subject_kind"] == "case"}
    last = all_rows[-2]  # then the logout
    assert (last["action"], last["subject_kind"], last["subject_id"]) == ("audit.exported", "case", a["id"])
    # The exported entries are the stored ones, hashes included, so a third party can check them.
    stored = {e["id"]: e for e in all_rows}
    for e in exported:
        assert e["entry_hash"] == stored[e["id"]]["entry_hash"]
