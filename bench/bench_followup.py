"""Benchmark: "all reminders as of a date" (issue 5) on demo records of 10k and 100k cases.

    python bench/bench_followup.py [--sizes 10000,100000] [--repeats 9] [--seed 1] [--out FILE]

For each size it builds (once; cached under .bench/followup-<n>-seed<seed>/, apart from bench.py's
records) a demo record with barnahus_app.demo.build.build_demo_record and the production key derivation,
and, if the demo generator did not add follow-up, adds it with demo_followup.add_demo_followup.
Then, as of the demo's last day:

- core call: Session.reminders(as_of) timed whole (connection, limitation-table check, the query,
  building the Reminder objects, the audit INSERT and COMMIT with synchronous=FULL), for the case
  lead 'coordinator' and for 'therapist' and 'liaison' (other scopes), median of --repeats;
- plain SQL count over the same tables: the user's scope (followup._followup_scope(True)) as one
  SELECT count(*) on a stdlib sqlite3 connection to a plain copy (storage.plain_sqlite_copy), and
  the same on a fresh raw sqlcipher3 connection to the encrypted record;
- the core's first statement (followup.DUE_SQL, the covering-index scan of every due rule, all
  users) fetched whole, encrypted and plain.

Target: core call <= 300 ms at 100k cases. Prints a markdown table (and writes it to --out).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402
from sqlalchemy import text  # noqa: E402

from barnahus_app.followup import actions as fu  # noqa: E402
from barnahus_app.record import storage  # noqa: E402
from barnahus_app.api import KdfParams, open_record  # noqa: E402
from barnahus_app.demo.build import build_demo_record  # noqa: E402
from barnahus_app.demo.followup import add_demo_followup  # noqa: E402

CACHE = ROOT / ".bench"
PASSWORD = "bench-password-1"  # bench.py's demo records use this for every user
TARGET_MS = 300.0
USERS = ("coordinator", "therapist", "liaison")


def ms(s: float) -> float:
    return s * 1000.0


def median_ms(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return ms(statistics.median(times)), out


def _schema_stamp() -> str:
    """The follow-up migration's text: a record built before it changed is rebuilt."""
    text_ = (ROOT / "barnahus_app" / "record" / "migrations" / "versions" / "0004_followup.py").read_bytes()
    return hashlib.sha256(text_).hexdigest()[:16]


def ensure_record(cases: int, seed: int) -> dict:
    folder = CACHE / f"followup-{cases}-seed{seed}"
    record = folder / "record.barnahus"
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() and record.exists() else None
    if meta is not None and meta.get("schema_stamp") == _schema_stamp():
        meta["cached"] = True
    else:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        meta = {"cases": cases, "seed": seed, "schema_stamp": _schema_stamp()}
        print(f"building a demo record of {cases} cases ...", file=sys.stderr)
        until = datetime.now(timezone.utc).date()
        t = time.perf_counter()
        build_demo_record(record, "admin", PASSWORD, cases, seed, KdfParams(), until=until)
        meta["until"] = until.isoformat()
        meta["build_seconds"] = round(time.perf_counter() - t, 2)
        s = open_record(record, "coordinator", PASSWORD)
        try:
            with s.record.engine.connect() as conn:
                have = conn.execute(text("SELECT count(*) FROM followup_rules")).scalar()
            if not have:
                print("adding demo follow-up ...", file=sys.stderr)
                t = time.perf_counter()
                meta["followup_rows"] = add_demo_followup(s, random.Random(seed), date.fromisoformat(meta["until"]))
                meta["followup_seconds"] = round(time.perf_counter() - t, 2)
            key = s.record.key
        finally:
            s.close()
        t = time.perf_counter()
        storage.plain_sqlite_copy(record, key, folder / "plain.sqlite")
        meta["plain_copy_seconds"] = round(time.perf_counter() - t, 2)
        meta_path.write_text(json.dumps(meta, indent=1))
        meta["cached"] = False
    return {**meta, "record": record, "plain": folder / "plain.sqlite"}


def connect_encrypted(path: Path, key: bytes):
    c = sqlcipher3.connect(str(path), isolation_level=None)
    c.execute("PRAGMA cipher_log_level = NONE")
    c.execute('PRAGMA key = "' + storage.raw_key_literal(key) + '"')
    for name, value in storage.CONNECTION_PRAGMAS:
        c.execute("PRAGMA " + name + " = " + value)
    return c


def connect_plain(path: Path):
    c = sqlite3.connect(str(path), isolation_level=None)
    for name, value in storage.CONNECTION_PRAGMAS:
        c.execute("PRAGMA " + name + " = " + value)
    return c


def fresh_count(connect, sql: str, params, repeats: int) -> tuple[float, int]:
    times, n = [], None
    for _ in range(repeats):
        c = connect()
        try:
            t = time.perf_counter()
            n = c.execute(sql, params).fetchone()[0]
            times.append(time.perf_counter() - t)
        finally:
            c.close()
    return ms(statistics.median(times)), n


def fresh_fetch(connect, sql: str, params, repeats: int) -> tuple[float, int]:
    times, n = [], None
    for _ in range(repeats):
        c = connect()
        try:
            t = time.perf_counter()
            n = len(c.execute(sql, params).fetchall())
            times.append(time.perf_counter() - t)
        finally:
            c.close()
    return ms(statistics.median(times)), n


def scoped_count_sql(session, horizon: str) -> str:
    """The user's Today scope as one SQL count (followup._followup_scope(True)), literal values."""
    from sqlalchemy import func, select
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.orm import aliased

    c = aliased(fu.C)
    q = (select(func.count()).select_from(fu.R.outerjoin(c, c.c.id == fu.R.c.case_id))
         .where(fu.R.c.next_due <= horizon, session._followup_scope(True, c)))
    return str(q.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def bench_size(cases: int, seed: int, repeats: int) -> list[dict]:
    info = ensure_record(cases, seed)
    as_of = date.fromisoformat(info["until"])
    rows = []
    with connect_plain(info["plain"]) as pc:
        counts = dict(pc.execute("SELECT 'rules', count(*) FROM followup_rules UNION ALL "
                                 "SELECT 'events', count(*) FROM followup_events UNION ALL "
                                 "SELECT 'open', count(*) FROM followup_rules WHERE next_due IS NOT NULL").fetchall())
    horizon = (as_of + timedelta(days=fu.UPCOMING_DAYS)).isoformat()
    scan_plain_ms, scan_n = fresh_fetch(lambda: connect_plain(info["plain"]), fu.DUE_SQL, (horizon,), repeats)
    for user in USERS:
        s = open_record(info["record"], user, PASSWORD)
        try:
            key = s.record.key
            s.reminders(as_of)  # warm-up
            core_ms, result = median_ms(lambda: s.reminders(as_of), repeats)
            buckets = fu.bucket_counts(result)
            count_sql = scoped_count_sql(s, horizon)
        finally:
            s.close()
        scan_enc_ms, _ = fresh_fetch(lambda: connect_encrypted(info["record"], key), fu.DUE_SQL, (horizon,), repeats)
        enc_ms, _ = fresh_count(lambda: connect_encrypted(info["record"], key), count_sql, (), repeats)
        plain_ms, plain_n = fresh_count(lambda: connect_plain(info["plain"]), count_sql, (), repeats)
        with connect_plain(info["plain"]) as pc:
            plan = "; ".join(r[-1] for r in pc.execute("EXPLAIN QUERY PLAN " + fu.DUE_SQL, (horizon,)))
        rows.append({"cases": cases, "user": user, "reminders": len(result), "rules_in_scope": plain_n,
                     "buckets": buckets, "core_ms": core_ms, "enc_ms": enc_ms, "plain_ms": plain_ms,
                     "scan_enc_ms": scan_enc_ms, "scan_plain_ms": scan_plain_ms, "scan_n": scan_n,
                     "counts": counts, "plan": plan, "cached": info["cached"]})
    return rows


def table(rows: list[dict]) -> str:
    out = ["| cases | user | reminders (overdue / week / upcoming) | core `reminders(as_of)` ms | "
           "plain SQL scoped count, plain SQLite ms (rules) | same count, encrypted ms | "
           "due-rule index scan, encrypted / plain ms (rows, all users) | target |",
           "|---:|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        b = r["buckets"]
        ok = "ok" if r["core_ms"] <= TARGET_MS else "OVER"
        out.append(f"| {r['cases']:,} | {r['user']} | {r['reminders']:,} ({b['overdue']:,} / {b['this_week']:,} / "
                   f"{b['upcoming']:,}) | {r['core_ms']:.1f} | {r['plain_ms']:.1f} ({r['rules_in_scope']:,}) | "
                   f"{r['enc_ms']:.1f} | {r['scan_enc_ms']:.1f} / {r['scan_plain_ms']:.1f} ({r['scan_n']:,}) | "
                   f"<= {TARGET_MS:.0f} ms: {ok} |")
    out.append("")
    for size in sorted({r["cases"] for r in rows}):
        r = next(x for x in rows if x["cases"] == size)
        c = r["counts"]
        out.append(f"- {size:,} cases: {c['rules']:,} follow-up rules ({c['open']:,} open), {c['events']:,} events.")
    out.append(f"- plan of the due-rule scan: {rows[0]['plan']}")
    out.append("- fresh connection per run (as the first call after unlock; later calls reuse the session's connection and are faster); medians.")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--repeats", type=int, default=9)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    rows = []
    for size in (int(x) for x in args.sizes.split(",")):
        rows += bench_size(size, args.seed, args.repeats)
    md = table(rows)
    print(md)
    if args.out:
        args.out.write_text(md + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
