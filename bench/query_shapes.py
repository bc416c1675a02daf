"""Experiment: the case list's current SQL against a proposed shape and three indexes, on a COPY
of the cached demo record (the app's code and the cached record are not changed).

    python bench/query_shapes.py [--size 100000] [--seed 1] [--out bench/query_shapes.md]

Proposed for barnahus_app/cases.py (list_cases / _case_conditions), shown here as SQLAlchemy:
  1. page first: select only the ids of the page (WHERE, ORDER BY, LIMIT, OFFSET) in a
     MATERIALIZED CTE, then join users and compute child_name for those rows only. Today the
     correlated child_name subquery runs for EVERY row that reaches the sorter.
  2. `cases.id + 0 IN (subquery)` for the search and abuse-form filters: stops SQLite from
     driving the query from the IN list (fetching and sorting every matching case) and lets it
     walk ix_case_received newest first, probing the list, until the page is full.
  3. the total: when the only filter is the search or the abuse form, count that table directly.
Proposed indexes (models.py + a migration): no_contact(person_b) for get_case's OR query,
cases(status, referral_received_at DESC) for sort="status", information_given(case_id, told_at).
Also measured: the audit entry's COMMIT with the rollback journal vs WAL (synchronous FULL).

Every proposed query's rows are checked equal to the current query's rows.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy import func, select, text  # noqa: E402

from bench import (  # noqa: E402
    PASSWORD, USER, Capture, connect_encrypted, connect_plain_same_lib, ensure_record,
)
from barnahus_app.api import CaseFilter, open_record  # noqa: E402
from barnahus_app.cases import C, P, SORTS, U, fts_query  # noqa: E402
from barnahus_app.keyslots import KeyFile  # noqa: E402
from barnahus_app.models import CaseAbuseForm, CaseChild  # noqa: E402

INDEXES = (
    "CREATE INDEX ix_no_contact_b ON no_contact(person_b)",
    "CREATE INDEX ix_case_status_received_desc ON cases(status, referral_received_at DESC)",
    "CREATE INDEX ix_information_given_case ON information_given(case_id, told_at)",
)


def proposed_conditions(flt: CaseFilter) -> list:
    where = []
    if flt.text:
        q = fts_query(flt.text)
        if q:
            where.append((C.c.id + 0).in_(text("SELECT rowid FROM case_search WHERE case_search MATCH :q")
                                          .bindparams(q=q)))
    if flt.status:
        where.append(C.c.status == flt.status)
    if flt.case_lead_id:
        where.append(C.c.case_lead_id == flt.case_lead_id)
    if flt.abuse_form:
        where.append((C.c.id + 0).in_(select(CaseAbuseForm.case_id).where(CaseAbuseForm.code == flt.abuse_form)))
    if flt.year:
        y = int(flt.year)
        where.append(C.c.referral_received_at >= f"{y:04d}")
        where.append(C.c.referral_received_at < f"{y + 1:04d}")
    if flt.emergency is not None:
        where.append(C.c.emergency.is_(bool(flt.emergency)))
    return where


def proposed_list(flt: CaseFilter, sort="received_desc", limit=50, offset=0):
    page = (select(C.c.id).where(*proposed_conditions(flt)).order_by(*SORTS[sort])
            .limit(limit).offset(offset).cte("page").prefix_with("MATERIALIZED"))
    child_name = (select(func.trim(P.c.given_name + " " + P.c.family_name))
                  .join(CaseChild, CaseChild.person_id == P.c.id)
                  .where(CaseChild.case_id == C.c.id).order_by(CaseChild.person_id).limit(1)
                  .scalar_subquery())
    cols = [C.c.id, C.c.reference, C.c.status, C.c.referral_received_at, C.c.emergency,
            C.c.triage_level, C.c.case_lead_id, U.c.display_name.label("case_lead_name"),
            child_name.label("child_name")]
    return (select(*cols).select_from(page).join(C, C.c.id == page.c.id)
            .join(U, U.c.id == C.c.case_lead_id).order_by(*SORTS[sort]))


def proposed_count(flt: CaseFilter):
    used = flt.used()
    if used == ["text"] and fts_query(flt.text):
        return text("SELECT count(*) FROM case_search WHERE case_search MATCH :q").bindparams(
            q=fts_query(flt.text))
    if used == ["abuse_form"]:
        return select(func.count()).select_from(CaseAbuseForm).where(CaseAbuseForm.code == flt.abuse_form)
    from barnahus_app.cases import CaseActions
    return select(func.count()).select_from(C).where(*CaseActions._case_conditions(None, flt))


def fresh_ms(connect, statements, repeats):
    times, rows = [], None
    for _ in range(repeats):
        c = connect()
        try:
            t = time.perf_counter()
            rows = [c.execute(s, p).fetchall() for s, p in statements]
            times.append(time.perf_counter() - t)
        finally:
            c.close()
    return statistics.median(times) * 1000, rows


def warm_ms(conn, statements, repeats):
    for s, p in statements:
        conn.execute(s, p).fetchall()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        for s, p in statements:
            conn.execute(s, p).fetchall()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def commit_ms(rec: Path, key: bytes, rounds: int = 30) -> dict:
    """An audit-sized write + COMMIT, alternating between a rollback-journal copy and a WAL copy
    so that both see the same disk weather."""
    conns = {}
    for journal in ("DELETE", "WAL"):
        path = rec.with_name(f"commit-{journal}.barnahus")
        shutil.copy(rec, path)
        c = connect_encrypted(path, key)
        c.execute(f"PRAGMA journal_mode = {journal}").fetchone()
        conns[journal] = c
    times = {j: [] for j in conns}
    try:
        for i in range(rounds):
            for journal, c in conns.items():
                t = time.perf_counter()
                c.execute("BEGIN IMMEDIATE")
                c.execute("SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
                c.execute("INSERT INTO record_meta(key, value) VALUES (?, ?)", (f"probe-{i}", "x" * 200))
                c.execute("COMMIT")
                times[journal].append(time.perf_counter() - t)
    finally:
        for c in conns.values():
            c.close()
    return {j: statistics.median(t) * 1000 for j, t in times.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--out", default=str(ROOT / "bench" / "query_shapes.md"))
    args = ap.parse_args(argv)
    info = ensure_record(args.size, args.seed)
    work = info["folder"] / "experiment"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    rec, plain = work / "record.barnahus", work / "plain.sqlite"
    shutil.copy(info["record"], rec)
    shutil.copy(KeyFile.path_for(info["record"]), KeyFile.path_for(rec))
    shutil.copy(info["plain"], plain)
    key = info["key"]

    with connect_encrypted(rec, key) as c:
        (mid,) = c.execute("SELECT id FROM cases WHERE id >= (SELECT count(*) / 2 FROM cases) LIMIT 1").fetchone()
        given, family, lead = c.execute("""SELECT p.given_name, p.family_name, c.case_lead_id FROM cases c
            JOIN case_children cc ON cc.case_id = c.id JOIN persons p ON p.id = cc.person_id
            WHERE c.id = ?""", (mid,)).fetchone()
        (rare,) = c.execute("SELECT code FROM case_abuse_forms GROUP BY code ORDER BY count(*) LIMIT 1").fetchone()
    prefix = given.split("-")[-1][:3]
    cases = [
        ("First page", CaseFilter(), "received_desc", 0),
        ("Page 100 (offset 4950)", CaseFilter(), "received_desc", 4950),
        ("Search: full name", CaseFilter(text=f"{given} {family}"), "received_desc", 0),
        (f"Search: prefix '{prefix}'", CaseFilter(text=prefix), "received_desc", 0),
        ("Search: 'Demo' (matches every case)", CaseFilter(text="Demo"), "received_desc", 0),
        ("Abuse form online_grooming", CaseFilter(abuse_form="online_grooming"), "received_desc", 0),
        ("Abuse form sexual_abuse_intrafamilial", CaseFilter(abuse_form="sexual_abuse_intrafamilial"), "received_desc", 0),
        (f"Abuse form {rare} (rarest)", CaseFilter(abuse_form=rare), "received_desc", 0),
        ("Status open", CaseFilter(status="open"), "received_desc", 0),
        ("Closed + 2010 + intrafamilial", CaseFilter(status="closed", year=2010,
                                                     abuse_form="sexual_abuse_intrafamilial"), "received_desc", 0),
        ("Case lead + search prefix", CaseFilter(case_lead_id=lead, text=prefix), "received_desc", 0),
        ("Sort by status", CaseFilter(), "status", 0),
    ]

    session = open_record(rec, USER, PASSWORD)
    cap = Capture(session.record.engine)
    current, proposed = {}, {}
    try:
        for label, flt, sort, offset in cases:
            with cap.active():
                session.list_cases(flt, sort=sort, offset=offset)
            q = cap.queries()
            current[label] = (q[:1], q[1:2])
            with cap.active():
                with session.record.engine.connect() as conn:
                    conn.execute(proposed_list(flt, sort, 50, offset)).all()
                    conn.execute(proposed_count(flt)).scalar()
            q = cap.queries()
            proposed[label] = (q[:1], q[1:2])
        sample_case = mid
        with cap.active():
            session.get_case(sample_case)
        get_case_sql = cap.queries()
    finally:
        session.close()

    R = args.repeats
    enc = lambda: connect_encrypted(rec, key)  # noqa: E731
    pln = lambda: connect_plain_same_lib(plain)  # noqa: E731
    results = []
    for label, *_ in cases:
        cur_list, cur_count = current[label]
        row = {"label": label}
        row["cur_list"], cur_rows = fresh_ms(enc, cur_list, R)
        row["cur_count"], cur_total = fresh_ms(enc, cur_count, R)
        row["cur_list_plain"], _ = fresh_ms(pln, cur_list, R)
        results.append((row, cur_rows, cur_total))
    nc_before, _ = fresh_ms(enc, get_case_sql, R)
    nc_before_plain, _ = fresh_ms(pln, get_case_sql, R)

    for path, connect in ((rec, enc), (plain, pln)):
        c = connect()
        for ddl in INDEXES:
            c.execute(ddl)
        c.close()

    warm_enc, warm_pln = enc(), pln()
    lines = []
    for (row, cur_rows, cur_total) in results:
        label = row["label"]
        pro_list, pro_count = proposed[label]
        row["cur_list_idx"], _ = fresh_ms(enc, current[label][0], R)
        row["pro_list"], pro_rows = fresh_ms(enc, pro_list, R)
        row["pro_count"], pro_total = fresh_ms(enc, pro_count, R)
        row["pro_list_plain"], _ = fresh_ms(pln, pro_list, R)
        row["pro_list_warm"] = warm_ms(warm_enc, pro_list, R)
        row["pro_list_warm_plain"] = warm_ms(warm_pln, pro_list, R)
        same = pro_rows == cur_rows and pro_total[0][0][0] == cur_total[0][0][0]
        lines.append(
            f"| {label} | {row['cur_list']:.1f} | {row['cur_list_plain']:.1f} | {row['cur_count']:.1f} "
            f"| {row['cur_list_idx']:.1f} | {row['pro_list']:.1f} | {row['pro_list_plain']:.1f} "
            f"| {row['pro_list'] / row['pro_list_plain']:.2f} | {row['pro_count']:.1f} "
            f"| {row['pro_list_warm']:.1f} | {row['pro_list_warm_plain']:.1f} "
            f"| {'yes' if same else '**NO**'} | {cur_total[0][0][0]} |")
    nc_after, _ = fresh_ms(enc, get_case_sql, R)
    nc_after_plain, _ = fresh_ms(pln, get_case_sql, R)
    warm_enc.close()
    warm_pln.close()
    commits = commit_ms(rec, key)
    delete_ms, wal_ms = commits["DELETE"], commits["WAL"]

    out = [
        f"# Case list: current vs proposed query shape ({args.size:,} cases, copy of the demo record)", "",
        "Milliseconds, medians of %d runs on a fresh connection (as every core call has today) unless "
        "marked warm. 'plain' = the unencrypted copy through the same SQLite library (sqlcipher3 "
        "without a key). Proposed = page-first CTE + `cases.id + 0 IN (...)` + direct count, with the "
        "three indexes below." % R, "",
        "| Query | Current list | Current list, plain | Current count | Current list + indexes "
        "| Proposed list | Proposed list, plain | Proposed enc/plain | Proposed count "
        "| Proposed list, warm conn | Proposed, warm, plain | Same rows and total | Total |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
        *lines, "",
        f"get_case (all 7 statements), fresh connection: {nc_before:.1f} ms encrypted / "
        f"{nc_before_plain:.1f} ms plain before the indexes; {nc_after:.1f} ms / {nc_after_plain:.1f} ms "
        "with ix_no_contact_b (the no-contact `person_a IN (...) OR person_b IN (...)` query scanned "
        "the whole no_contact table).", "",
        f"Audit entry + COMMIT (synchronous=FULL): {delete_ms:.1f} ms with the rollback journal "
        f"(today), {wal_ms:.1f} ms in WAL mode.", "",
        "Indexes tried:", "", *[f"- `{d}`" for d in INDEXES], "",
    ]
    report = "\n".join(out)
    print(report)
    Path(args.out).write_text(report + "\n", encoding="utf-8")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
