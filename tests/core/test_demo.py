"""The demo record generator: fictional, reproducible, consistent with the core's rules, and
never half-built."""
from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from barnahus_app import vocab
from barnahus_app.api import CaseFilter, open_record
from barnahus_app.cases.actions import _SEARCH_BODY
from barnahus_app.demo.build import DEMO_USERS, MARKER, build_demo_record
from barnahus_app.errors import Cancelled, RecordFileError
from tests.support.records import FAST_KDF

PW = "demo-password-1"
UNTIL = date(2026, 6, 30)
CONTENT_TABLES = ("persons", "person_terms", "age_assessments", "cases", "case_abuse_forms",
                  "case_children", "case_parties", "no_contact")


def _build(folder, cases, seed, **kw):
    path = folder / "demo.barnahus"
    calls = []
    recovery = build_demo_record(path, "admin", PW, cases, seed, FAST_KDF,
                                 progress=lambda d, t: calls.append((d, t)), until=UNTIL, **kw)
    return SimpleNamespace(path=path, recovery=recovery, progress=calls, cases=cases, seed=seed)


@pytest.fixture(scope="module")
def demo200(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("demo200"), 200, 7)


@pytest.fixture(scope="module")
def demo1000(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("demo1000"), 1000, 11)


def _query(path, sql, params=None, user="coordinator"):
    s = open_record(path, user, PW, kdf=FAST_KDF)
    try:
        with s.record.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params or {})]
    finally:
        s.close()


def _content(path) -> dict:
    s = open_record(path, "admin", PW, kdf=FAST_KDF)
    try:
        out = {}
        with s.record.engine.connect() as conn:
            for table in CONTENT_TABLES:
                cols = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")
                        if r[1] not in ("created_at", "updated_at")]
                out[table] = conn.exec_driver_sql(
                    f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}").all()
            out["case_search"] = conn.exec_driver_sql(
                "SELECT rowid, body FROM case_search ORDER BY rowid").all()
        return out
    finally:
        s.close()


def test_counts_and_shape(demo200):
    (cases,), = _query(demo200.path, "SELECT count(*) FROM cases")
    assert cases == 200
    per_case = _query(demo200.path, """
        SELECT c.id,
               (SELECT count(*) FROM case_children WHERE case_id = c.id),
               (SELECT count(*) FROM case_parties WHERE case_id = c.id),
               (SELECT count(*) FROM case_abuse_forms WHERE case_id = c.id)
        FROM cases c""")
    assert all(children == 1 for _, children, _, _ in per_case)
    assert all(0 <= parties <= 3 for _, _, parties, _ in per_case)
    assert all(1 <= forms <= 3 for _, _, _, forms in per_case)
    (indexed,), = _query(demo200.path, "SELECT count(*) FROM case_search")
    assert indexed == 200
    (persons,), = _query(demo200.path, "SELECT count(*) FROM persons")
    (distinct,), = _query(demo200.path, """SELECT count(*) FROM (SELECT person_id FROM case_children
                                          UNION SELECT person_id FROM case_parties)""")
    assert persons == distinct  # every person is in a case
    # references follow the core's pattern and are unique
    refs = [r for (r,) in _query(demo200.path, "SELECT reference FROM cases")]
    assert len(set(refs)) == 200 and all(r.startswith("BH-") and len(r) == 13 for r in refs)


def test_progress_reaches_the_end(demo200):
    calls = demo200.progress
    assert calls[0] == (0, 400) and calls[-1] == (400, 400)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_one_audit_entry_for_the_whole_demo(demo200):
    rows = _query(demo200.path, "SELECT action, detail FROM audit_log", user="admin")
    demo = [json.loads(d) for a, d in rows if a == "demo.generated"]
    assert demo == [{"cases": 200, "seed": 7}]
    # record, users, logins (the interviewer's, the medical user's and the therapist's create their
    # sections): not one per row of the bulk generators
    assert not [a for a, _ in rows if a.startswith(("examination.", "medical.", "case.", "interview."))]
    # the psychosocial follow-up goes through the therapist's core calls (demo/psychosocial.py),
    # each audited: a few dozen children, whatever the size of the demo
    psychosocial = [a for a, _ in rows if a.startswith(("psychosocial.", "recovery_plan.", "therapy.", "followup.completed"))]
    assert len(rows) - len(psychosocial) < 50
    assert 0 < len(psychosocial) < 40 * 120


def test_reproducible_with_the_same_seed(demo200, tmp_path):
    again = _build(tmp_path, 200, 7)
    first, second = _content(demo200.path), _content(again.path)
    for table in first:
        assert first[table] == second[table], table
    assert again.recovery != demo200.recovery  # a new record key all the same


def test_another_seed_gives_other_content(demo200, tmp_path):
    other = _build(tmp_path, 200, 8)
    assert _content(demo200.path)["persons"] != _content(other.path)["persons"]


def test_spans_at_least_25_years_and_recent_years_are_denser(demo1000):
    rows = _query(demo1000.path, "SELECT referral_received_at FROM cases ORDER BY referral_received_at")
    first, last = date.fromisoformat(rows[0][0][:10]), date.fromisoformat(rows[-1][0][:10])
    assert (last - first).days >= 25 * 365.25
    assert first.year == 2000 and last <= UNTIL
    early = sum(1 for (r,) in rows if r < "2005")
    late = sum(1 for (r,) in rows if "2021" <= r < "2026")
    assert late > 2 * early


def test_every_role_user_unlocks(demo200):
    for username, _, role in DEMO_USERS:
        s = open_record(demo200.path, username, PW, kdf=FAST_KDF)
        try:
            assert s.roles == [role]
        finally:
            s.close()
    s = open_record(demo200.path, "admin", recovery_key=demo200.recovery, kdf=FAST_KDF)
    s.close()


def test_case_leads_are_the_coordinators(demo200):
    leads = {u for (u,) in _query(demo200.path, """
        SELECT DISTINCT u.username FROM cases c JOIN users u ON u.id = c.case_lead_id""")}
    assert leads == {u for u, _, r in DEMO_USERS if r == "coordinator"}


def test_search_by_a_childs_name_finds_the_case(demo200):
    rows = _query(demo200.path, """
        SELECT c.id, c.reference, p.given_name, p.family_name FROM cases c
        JOIN case_children cc ON cc.case_id = c.id JOIN persons p ON p.id = cc.person_id
        ORDER BY c.id LIMIT 5 OFFSET 50""")
    s = open_record(demo200.path, "coordinator", PW, kdf=FAST_KDF)
    try:
        for cid, reference, given, family in rows:
            page = s.list_cases(CaseFilter(text=f"{given} {family}"), limit=1000)
            assert cid in {r["id"] for r in page.rows}
            assert page.total == len(page.rows)
            hit = next(r for r in page.rows if r["id"] == cid)
            assert hit["child_name"] == f"{given} {family}"
            assert [r["id"] for r in s.list_cases(CaseFilter(text=reference)).rows] == [cid]
    finally:
        s.close()


def test_search_index_is_what_the_core_would_write(demo200):
    s = open_record(demo200.path, "admin", PW, kdf=FAST_KDF)
    try:
        with s.record.engine.connect() as conn:
            indexed = dict(conn.exec_driver_sql("SELECT rowid, body FROM case_search").all())
            for cid in indexed:
                assert conn.execute(_SEARCH_BODY, {"id": cid}).scalar() == indexed[cid]
    finally:
        s.close()


def test_check_is_ok(demo200):
    s = open_record(demo200.path, "admin", PW, kdf=FAST_KDF)
    try:
        report = s.check()
        assert report.ok, report.lines()
    finally:
        s.close()


def test_no_child_is_an_alleged_offender(demo1000):
    (clash,), = _query(demo1000.path, """
        SELECT count(*) FROM case_parties cp JOIN case_children cc ON cc.person_id = cp.person_id
        WHERE cp.party_role = 'alleged_offender'""")
    assert clash == 0
    ages = _query(demo1000.path, """
        SELECT p.date_of_birth, c.referral_received_at FROM case_parties cp
        JOIN persons p ON p.id = cp.person_id JOIN cases c ON c.id = cp.case_id
        WHERE cp.party_role = 'alleged_offender' AND p.date_of_birth IS NOT NULL""")
    assert ages
    for dob, received in ages:
        on = received[:10]
        age = int(on[:4]) - int(dob[:4]) - (on[5:10] < dob[5:10])
        assert age >= 18
    # most alleged offenders have a no-contact flag with the child
    (offenders,), = _query(demo1000.path, "SELECT count(*) FROM case_parties WHERE party_role = 'alleged_offender'")
    (flagged,), = _query(demo1000.path, """
        SELECT count(*) FROM case_parties cp JOIN no_contact nc
        ON (nc.person_a = cp.person_id AND nc.person_b = cp.child_person_id)
        OR (nc.person_b = cp.person_id AND nc.person_a = cp.child_person_id)
        WHERE cp.party_role = 'alleged_offender'""")
    assert 0.7 * offenders <= flagged <= offenders


def test_children_return_years_later_as_the_same_person(demo1000):
    rows = _query(demo1000.path, """
        SELECT cc.person_id, group_concat(c.referral_received_at, '|'), count(*) FROM case_children cc
        JOIN cases c ON c.id = cc.case_id GROUP BY cc.person_id HAVING count(*) > 1""")
    assert rows
    for _, received, n in rows:
        assert n <= 3
        days = sorted(date.fromisoformat(r[:10]) for r in received.split("|"))
        assert all((b - a).days >= 365 for a, b in zip(days, days[1:]))


def test_data_is_plausible_and_obviously_fictional(demo1000):
    p = demo1000.path
    assert all(g.startswith(MARKER) for (g,) in _query(p, "SELECT given_name FROM persons"))
    (old, old_closed), = _query(p, """SELECT count(*), sum(status = 'closed') FROM cases
                                     WHERE referral_received_at < '2020'""")
    assert old_closed >= 0.9 * old
    (n, emergencies), = _query(p, "SELECT count(*), sum(emergency) FROM cases")
    assert 0.02 * n <= emergencies <= 0.09 * n
    genders = {g for (g,) in _query(p, """SELECT DISTINCT gender FROM persons p
                                         JOIN case_children cc ON cc.person_id = p.id""")}
    assert {"girl", "boy", "non_binary"} <= genders
    assert {s for (s,) in _query(p, "SELECT DISTINCT dob_status FROM persons WHERE dob_status IS NOT NULL")} \
        == {"verified", "assessed", "claimed"}
    (assessments,), = _query(p, "SELECT count(*) FROM age_assessments")
    (terms,), = _query(p, "SELECT count(*) FROM person_terms")
    assert assessments > 0 and terms > 0
    (closed_ok,), = _query(p, """SELECT count(*) FROM cases WHERE status = 'closed'
                                AND (closed_at IS NULL OR acted_at IS NULL OR closed_at < acted_at)""")
    assert closed_ok == 0
    # every stored code is a code of its vocabulary
    for vocab_name, sql in (
        ("abuse_forms", "SELECT DISTINCT code FROM case_abuse_forms"),
        ("case_statuses", "SELECT DISTINCT status FROM cases"),
        ("triage_levels", "SELECT DISTINCT triage_level FROM cases WHERE triage_level IS NOT NULL"),
        ("referral_sources", "SELECT DISTINCT referral_source FROM cases"),
        ("reporter_professions", "SELECT DISTINCT reporter_profession FROM cases WHERE reporter_profession IS NOT NULL"),
        ("genders", "SELECT DISTINCT gender FROM persons WHERE gender IS NOT NULL"),
        ("party_roles", "SELECT DISTINCT party_role FROM case_parties"),
        ("relationships_to_child", "SELECT DISTINCT relationship_to_child FROM case_parties"),
        ("age_assessment_methods", "SELECT DISTINCT method FROM age_assessments"),
        ("birth_registration", "SELECT DISTINCT birth_registered FROM persons WHERE birth_registered IS NOT NULL"),
    ):
        for (code,) in _query(p, sql):
            vocab.check_code(vocab_name, vocab_name, code)
    for (vocab_name, code) in _query(p, "SELECT DISTINCT vocabulary, code FROM person_terms"):
        vocab.check_code(vocab_name, vocab_name, code)
    jurisdictions = {j["code"] for j in vocab.jurisdictions()}
    assert {j for (j,) in _query(p, "SELECT DISTINCT jurisdiction FROM cases")} <= jurisdictions


def test_core_reads_a_demo_case(demo200):
    s = open_record(demo200.path, "coordinator", PW, kdf=FAST_KDF)
    try:
        page = s.list_cases()
        assert page.total == 200 and len(page.rows) == 50
        case = s.get_case(page.rows[0]["id"])
        assert len(case["children"]) == 1 and 1 <= len(case["abuse_forms"]) <= 3
    finally:
        s.close()


@pytest.mark.parametrize("stop_after", [1, 3, 6])
def test_cancelling_leaves_no_file(tmp_path, stop_after):
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) >= stop_after

    folder = tmp_path / "out"
    with pytest.raises(Cancelled):
        build_demo_record(folder / "demo.barnahus", "admin", PW, 1000, 1, FAST_KDF,
                          cancelled=cancelled, until=UNTIL)
    assert list(folder.iterdir()) == []


def test_a_failure_part_way_leaves_no_file(tmp_path):
    def progress(done, total):
        if done > 0:
            raise RuntimeError("disk went away")

    folder = tmp_path / "out"
    with pytest.raises(RuntimeError):
        build_demo_record(folder / "demo.barnahus", "admin", PW, 500, 1, FAST_KDF,
                          progress=progress, until=UNTIL)
    assert list(folder.iterdir()) == []


def test_refuses_to_overwrite(demo200):
    before = demo200.path.read_bytes()
    names = sorted(p.name for p in demo200.path.parent.iterdir())
    with pytest.raises(RecordFileError):
        build_demo_record(demo200.path, "admin", PW, 10, 1, FAST_KDF, until=UNTIL)
    assert demo200.path.read_bytes() == before
    assert sorted(p.name for p in demo200.path.parent.iterdir()) == names


def test_limits_and_an_empty_demo(tmp_path):
    from barnahus_app.errors import ValidationError
    with pytest.raises(ValidationError):
        build_demo_record(tmp_path / "big.barnahus", "admin", PW, 100_001, 1, FAST_KDF, until=UNTIL)
    assert not (tmp_path / "big.barnahus").exists()
    empty = _build(tmp_path, 0, 1)
    (n,), = _query(empty.path, "SELECT count(*) FROM cases")
    assert n == 0
