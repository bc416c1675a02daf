"""Schema versions: the migrations build exactly the models, and records written by older versions
open, are backed up first, are upgraded to head and keep every datum.

Old records come from tests/fixtures/records/v<revision>/ (made by tests/fixtures/make_old_records.py,
described in tests/fixtures/records/README.md). Every revision except head must have one.
"""
from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from barnahus_app.record import schema, storage
from barnahus_app.api import CaseFilter, open_record
from barnahus_app.record.keyslots import parse_recovery_key
from barnahus_app.models import Base
from tests.support.records import ADMIN_PASSWORD, FAST_KDF

ROOT = Path(__file__).resolve().parents[2]
ENV_PY = ROOT / "barnahus_app" / "record" / "migrations" / "env.py"
RECORDS = ROOT / "tests" / "fixtures" / "records"
FIXTURE_DIRS = sorted(p for p in RECORDS.glob("v*") if p.is_dir())


def env_include_name():
    """include_name exactly as barnahus_app/record/migrations/env.py defines it. env.py cannot be imported
    outside a migration (it runs the migration at import), so its function and the module-level
    constants it uses are compiled from its source."""
    tree = ast.parse(ENV_PY.read_text("utf-8"))
    keep = [n for n in tree.body
            if (isinstance(n, ast.FunctionDef) and n.name == "include_name")
            or (isinstance(n, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper() for t in n.targets))]
    assert any(isinstance(n, ast.FunctionDef) for n in keep), "env.py has no include_name any more"
    ns: dict = {}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(ENV_PY), "exec"), ns)
    return ns["include_name"]


def model_differences(conn) -> list:
    ctx = MigrationContext.configure(conn, opts={
        "include_name": env_include_name(), "compare_type": True, "target_metadata": Base.metadata})
    return compare_metadata(ctx, Base.metadata)


def raw_connect(path: Path, recovery_key: str):
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute('PRAGMA key = "' + storage.raw_key_literal(parse_recovery_key(recovery_key)) + '"')
    return conn


def schema_objects(conn) -> set:
    """Every table, index, trigger and view, with its SQL, as SQLite stores it."""
    return set(conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master "
                            "WHERE name NOT LIKE 'sqlite_%'").fetchall())


def manifest(folder: Path) -> dict:
    return json.loads((folder / "fixture.json").read_text("utf-8"))


def user_with_role(m: dict, role: str) -> tuple[str, str]:
    name = next(n for n, u in m["users"].items() if role in u["roles"])
    return name, m["users"][name]["password"]


# --- the migrations and the models ----------------------------------------------------------------

def test_env_include_name_hides_only_the_search_index():
    include = env_include_name()
    for name in ("case_search", "case_search_data", "case_search_idx", "case_search_config"):
        assert include(name, "table", {}) is False
    for table in Base.metadata.tables:
        assert include(table, "table", {}) is True


def test_migrations_produce_exactly_the_models(open_as):
    s = open_as("admin")
    with s.record.engine.connect() as conn:
        assert schema.current_revision(conn) == schema.head_revision()
        assert model_differences(conn) == []


def test_the_compare_sees_a_model_the_migrations_lack(open_as):
    """The comparison above is not blind: a model table no migration makes is reported."""
    from sqlalchemy import Column, Integer, MetaData, Table

    s = open_as("admin")
    extra = MetaData()
    for t in Base.metadata.tables.values():
        t.to_metadata(extra)
    Table("not_migrated", extra, Column("id", Integer, primary_key=True))
    with s.record.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": env_include_name(), "compare_type": True})
        diffs = compare_metadata(ctx, extra)
    assert [d[0] for d in diffs] == ["add_table"] and diffs[0][1].name == "not_migrated"


def test_known_revisions_run_oldest_first_and_end_at_head():
    revs = schema.known_revisions()
    assert revs[-1] == schema.head_revision()
    assert len(revs) == len(set(revs))
    assert revs[0] == "0001"


# --- old records ----------------------------------------------------------------------------------

@pytest.mark.parametrize("revision", schema.known_revisions()[:-1])
def test_every_old_revision_has_a_fixture(revision):
    folder = RECORDS / f"v{revision}"
    assert folder.is_dir(), (
        f"No old-record fixture for schema {revision}: run python tests/fixtures/make_old_records.py "
        f"{revision} (add a builder for it first) and commit {folder.relative_to(ROOT)}/")
    m = manifest(folder)
    assert m["revision"] == revision
    for f in (m["record"], m["record"] + ".keys"):
        assert (folder / f).is_file()
    conn = raw_connect(folder / m["record"], m["recovery_key"])
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
    finally:
        conn.close()


def test_fixture_folders_are_old_revisions():
    assert FIXTURE_DIRS, "no old-record fixtures found"
    old = {f"v{r}" for r in schema.known_revisions()[:-1]}
    assert {p.name for p in FIXTURE_DIRS} <= old


@pytest.fixture(params=FIXTURE_DIRS, ids=[p.name for p in FIXTURE_DIRS])
def old_record(request, tmp_path):
    """A copy of one fixture in a fresh folder: (path, manifest, fixture folder)."""
    folder = request.param
    m = manifest(folder)
    target = tmp_path / "old-centre"
    target.mkdir()
    for f in (m["record"], m["record"] + ".keys"):
        shutil.copyfile(folder / f, target / f)
    return target / m["record"], m, folder


def test_old_record_is_backed_up_then_upgraded_to_head(old_record):
    path, m, folder = old_record
    rev, head = m["revision"], schema.head_revision()
    name, pw = user_with_role(m, "coordinator")
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        assert s.upgraded_from == rev
        assert s.record_info()["schema"] == head
        report = s.check()
        assert report.ok, report.lines()
        with s.record.engine.connect() as conn:
            assert model_differences(conn) == []

    backups = sorted((path.parent / "backups").glob("*" + path.suffix))
    assert len(backups) == 1, backups
    assert f"before-upgrade-from-{rev}" in backups[0].name
    assert backups[0].read_bytes() == (folder / m["record"]).read_bytes()
    keys_backup = backups[0].with_name(backups[0].name + ".keys")
    assert keys_backup.read_bytes() == (folder / (m["record"] + ".keys")).read_bytes()

    # Opening again: already head, so no second backup and no second upgrade entry.
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        assert s.upgraded_from is None
        assert [e for e in s.audit_entries() if e["action"] == "record.upgraded"] != []
        assert len([e for e in s.audit_entries() if e["action"] == "record.upgraded"]) == 1
    assert len(list((path.parent / "backups").glob("*" + path.suffix))) == 1


def test_upgraded_old_record_has_the_schema_of_a_new_one(old_record, record_path):
    """Tables, indexes, triggers and the search index: same SQL whether the record was made at head
    or upgraded to it."""
    path, m, _ = old_record
    name, pw = user_with_role(m, "coordinator")
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        with s.record.engine.connect() as conn:
            upgraded = schema_objects(conn)
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as fresh:
        with fresh.record.engine.connect() as conn:
            made = schema_objects(conn)
    assert upgraded == made
    names = {(t, n) for t, n, *_ in made}
    assert {("trigger", "audit_log_no_update"), ("trigger", "audit_log_no_delete"),
            ("table", "case_search")} <= names


def test_old_record_data_is_intact_after_upgrade(old_record):
    path, m, _ = old_record
    name, pw = user_with_role(m, "coordinator")
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        lead_id = s.user_id
        for pid, p in m["persons"].items():
            got = s.get_person(int(pid))
            for field, value in p.items():
                assert got[field] == value, (pid, field)
            for vocab_name, codes in m.get("person_terms", {}).get(pid, {}).items():
                assert sorted(got["terms"][vocab_name]) == sorted(codes)
        for a, b, reason in m["no_contact"]:
            pairs = s.no_contact_pairs(a)
            assert [(n["other_person_id"], n["reason"]) for n in pairs] == [(b, reason)]
        for cid, c in m["cases"].items():
            got = s.get_case(int(cid))
            assert got["case_lead_id"] == lead_id
            for field in ("reference", "status", "referral_received_at", "triage_level", "emergency",
                          "jurisdiction", "police_reference", "summary"):
                assert got[field] == c[field], (cid, field)
            assert got["abuse_forms"] == sorted(c["abuse_forms"])
            assert [(ch["person_id"], ch["role"]) for ch in got["children"]] == [tuple(c["child"])]
            expected_parties = sorted((p, r, rel, ch) for case, p, r, rel, ch in m["parties"] if case == int(cid))
            assert sorted((p["person_id"], p["party_role"], p["relationship_to_child"], p["child_person_id"])
                          for p in got["parties"]) == expected_parties
        assert s.case_id_for_reference(m["cases"]["1"]["reference"]) == 1
        users = {u["username"]: u for u in s.list_users()}
        for uname, u in m["users"].items():
            assert users[uname]["roles"] == sorted(u["roles"])
            assert users[uname]["display_name"] == u["display_name"]
            assert users[uname]["has_key_slot"]
    # Every user of the old record still unlocks it with their old password, and the documented
    # recovery key still opens it.
    for uname, u in m["users"].items():
        with open_record(path, uname, u["password"], kdf=FAST_KDF) as s:
            assert s.upgraded_from is None
    with open_record(path, name, recovery_key=m["recovery_key"], kdf=FAST_KDF) as s:
        assert s.username == name


def test_case_search_finds_old_cases_by_child_name(old_record):
    """Migration 0002 filled the search index from the data already in the record."""
    path, m, _ = old_record
    name, pw = user_with_role(m, "coordinator")
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        all_ids = {r["id"] for r in s.list_cases().rows}
        assert all_ids == {int(c) for c in m["cases"]}
        for cid, c in m["cases"].items():
            child = m["persons"][str(c["child"][0])]
            for words in (child["given_name"], child["family_name"],
                          f"{child['given_name']} {child['family_name']}", c["reference"]):
                page = s.list_cases(CaseFilter(text=words))
                assert [r["id"] for r in page.rows] == [int(cid)], words
                assert page.total == 1
        for case, person, *_ in m["parties"]:
            party = m["persons"][str(person)]
            assert int(case) in {r["id"] for r in s.list_cases(CaseFilter(text=party["family_name"])).rows}
        assert s.list_cases(CaseFilter(text="Nobodyinthisrecord")).rows == []


def test_case_search_ignores_accents_in_old_records(old_record):
    path, m, _ = old_record
    name, pw = user_with_role(m, "coordinator")
    import unicodedata
    accented = [(cid, m["persons"][str(c["child"][0])]["given_name"]) for cid, c in m["cases"].items()]
    accented = [(cid, n) for cid, n in accented if unicodedata.normalize("NFKD", n) != n]
    assert accented, "the fixture should hold a child name with an accent"
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        for cid, n in accented:
            plain = "".join(ch for ch in unicodedata.normalize("NFKD", n) if not unicodedata.combining(ch))
            assert [r["id"] for r in s.list_cases(CaseFilter(text=plain)).rows] == [int(cid)]


def test_upgrade_is_audited_and_keeps_the_old_trail(old_record):
    path, m, folder = old_record
    rev, head = m["revision"], schema.head_revision()
    old = raw_connect(folder / m["record"], m["recovery_key"])
    try:
        old_entries = old.execute("SELECT id, entry_hash FROM audit_log ORDER BY id").fetchall()
    finally:
        old.close()
    assert len(old_entries) == m["audit_entries"]
    name, pw = user_with_role(m, "coordinator")
    with open_record(path, name, pw, kdf=FAST_KDF) as s:
        entries = s.audit_entries()
        uid = s.user_id
    assert [(e["id"], e["entry_hash"]) for e in entries[:len(old_entries)]] == old_entries
    upgraded = entries[len(old_entries)]
    assert upgraded["action"] == "record.upgraded"
    assert upgraded["user_id"] == uid and upgraded["username"] == name
    assert upgraded["detail"] == {"from": rev, "to": head}
    assert entries[len(old_entries) + 1]["action"] == "login"


# --- 0007: the interviewer's notes move into their sealed section ------------------------------------

def _v0006(tmp_path):
    folder = RECORDS / "v0006"
    m = manifest(folder)
    target = tmp_path / "old-centre"
    target.mkdir()
    for f in (m["record"], m["record"] + ".keys"):
        shutil.copyfile(folder / f, target / f)
    return target / m["record"], m


def _plain_notes(path, recovery):
    conn = raw_connect(path, recovery)
    try:
        return (conn.execute("SELECT id, notes FROM interviews ORDER BY id").fetchall(),
                conn.execute("SELECT count(*) FROM section_values").fetchone()[0],
                conn.execute("SELECT DISTINCT section FROM section_keys").fetchall())
    finally:
        conn.close()


def test_old_notes_stay_as_they_were_until_a_notes_reader_unlocks_then_are_sealed(tmp_path):
    """Migration 0007 holds no key: the notes of a 0006 record stay in their column through the
    upgrade and any unlock by a user the notes section is not granted to; the first unlock by a
    user it is granted to creates the section (its recovery key shown to them once), seals the
    notes into it and empties the column, in one transaction."""
    path, m = _v0006(tmp_path)
    (iid, notes), = m["interview_notes"].items()
    with open_record(path, "therapist", m["users"]["therapist"]["password"], kdf=FAST_KDF) as s:
        assert s.upgraded_from == "0006"
        # their own section (0011) and the signing key (they issue the psychosocial summary)
        assert list(s.section_recovery_keys) == ["signing_keys", "therapy"]
    plain = _plain_notes(path, m["recovery_key"])
    assert plain[:2] == ([(int(iid), notes)], 0) and sorted(plain[2]) == [("signing_keys",), ("therapy",)]

    with open_record(path, "coordinator", m["users"]["coordinator"]["password"], kdf=FAST_KDF) as s:
        assert list(s.section_recovery_keys) == ["interview_notes"]   # the signing key is the therapist's to give
        assert len(s.section_recovery_keys["interview_notes"]) == 71   # 64 hex digits in groups of 8
        assert s.get_interview(int(iid))["notes"] == notes
        created = [e for e in s.audit_entries() if e["action"] == "section.created"]
    assert [e["detail"] for e in created if e["detail"]["section"] == "interview_notes"] == [
        {"section": "interview_notes", "holders": 2, "values_moved": 1}]
    assert _plain_notes(path, m["recovery_key"]) == ([(int(iid), None)], 1, [("interview_notes",), ("signing_keys",),
                                                                     ("therapy",)])
    with open_record(path, "interviewer", m["users"]["interviewer"]["password"], kdf=FAST_KDF) as s:
        assert s.section_recovery_keys == {}
        assert s.get_interview(int(iid))["notes"] == notes
