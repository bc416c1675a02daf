"""Benchmark: the Today view (ui/today/) populated on the 100k-case demo record (issue 5).

    python bench/gui_bench_today.py [--cases 100000] [--seed 1] [--as-of YYYY-MM-DD] [--repeats 5]

The record is bench/bench.py's: .bench/demo-<cases>-seed<seed>/record.barnahus, built once with
barnahus_app.demo.build.build_demo_record and the PRODUCTION key derivation if it is missing or out of
date (bench.ensure_record decides, so both benchmarks share one record). The demo generator adds
follow-up plans, closed cases with long-term follow-up still running, and alleged offences.

bench_today() unlocks as the case lead 'coordinator' and measures, offscreen, median of --repeats:

- core alone: Session.reminders(as_of) called on the GUI thread (the session's kept connection),
  alternated with the panel runs so that both see the same load on the machine;
- Today view populated: from TodayPanel(session, as_of=...) being created until its `loaded`
  signal (the core read on a worker thread, the result handed back to the GUI thread, the three
  section models filled, the counts emitted). Each run is a new panel;
- shown: the same panel then shown and painted once (grab()), for the look of it.

The first panel of a run also pays for the worker thread's first connection (an empty page
cache): it is reported on its own and left out of the median. Target: populated <= 500 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 500.0


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 1)


def bench_today(record_path, password: str, as_of, repeats: int = 5, user: str = "coordinator") -> dict:
    """Time the Today view on a record: {"core_ms", "populated_ms", "shown_ms", "first_ms",
    "reminders", "counts", ...}. Times in milliseconds, medians of `repeats` runs."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from barnahus_app.api import open_record
    from barnahus_app.followup.actions import bucket_counts
    from ui.today.panel import TodayPanel

    as_of = date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    app = QApplication.instance() or QApplication([sys.argv[0]])
    t = time.perf_counter()
    session = open_record(record_path, user, password)
    unlock_s = time.perf_counter() - t
    try:
        session.reminders(as_of)  # the first call after unlock (limitation table check, cache)
        core = []
        result = []

        def one_panel(show: bool):
            # The GUI thread waits in Qt's event loop, as in the app (a Python polling loop here
            # would hold the GIL against the worker and measure itself).
            done = []
            loop = QEventLoop()
            t0 = time.perf_counter()
            panel = TodayPanel(session, as_of=as_of)
            panel.loaded.connect(lambda: (done.append(time.perf_counter()), loop.quit()))
            guard = QTimer()
            guard.setSingleShot(True)
            guard.timeout.connect(loop.quit)
            guard.start(60_000)
            if not done:
                loop.exec()
            if not done:
                raise TimeoutError("the Today view did not finish loading")
            populated = done[0] - t0
            shown = None
            if show:
                panel.resize(1280, 820)
                t1 = time.perf_counter()
                panel.show()
                panel.grab()
                shown = time.perf_counter() - t1
            rows = sum(panel.model(b).rowCount() for b in ("overdue", "this_week", "upcoming"))
            counts = panel.counts()
            panel.hide()
            panel.deleteLater()
            app.processEvents()
            return populated, shown, rows, counts

        first, _s, _r, _c = one_panel(False)  # the worker thread's first connection
        populated, shown = [], []
        rows = counts = None
        for _ in range(repeats):  # alternated, so that both see the same machine load
            t = time.perf_counter()
            result = session.reminders(as_of)
            core.append(time.perf_counter() - t)
            p, s, rows, counts = one_panel(True)
            populated.append(p)
            shown.append(s)
    finally:
        session.close()
    out = {
        "record": str(record_path), "user": user, "as_of": as_of.isoformat(), "repeats": repeats,
        "unlock_ms": _ms(unlock_s),
        "core_ms": _ms(statistics.median(core)), "core_runs_ms": [_ms(x) for x in core],
        "populated_ms": _ms(statistics.median(populated)), "populated_runs_ms": [_ms(x) for x in populated],
        "shown_ms": _ms(statistics.median(shown)),
        "first_ms": _ms(first),
        "reminders": len(result), "rows_shown": rows, "counts": counts,
        "core_counts": bucket_counts(result),
    }
    out["ok"] = out["populated_ms"] <= TARGET_MS
    return out


def render(r: dict, meta: dict) -> str:
    c = r["counts"] or {}
    lines = [
        f"Today view on {meta.get('cases', '?')} cases (seed {meta.get('seed', '?')}), user "
        f"'{r['user']}', as of {r['as_of']}: {r['reminders']} reminders "
        f"({c.get('overdue', 0)} overdue, {c.get('this_week', 0)} this week, {c.get('upcoming', 0)} upcoming). "
        f"Medians of {r['repeats']} runs.",
        "",
        "| Measure | ms | Target |",
        "|---|---:|---|",
        f"| Session.reminders(as_of) alone (GUI thread, warm) | {r['core_ms']} | <= 300 |",
        f"| TodayPanel created -> fully populated | {r['populated_ms']} | <= {TARGET_MS:.0f}: "
        f"{'yes' if r['ok'] else 'NO'} |",
        f"| ... then shown and painted once (1280x820) | {r['shown_ms']} | |",
        f"| First panel after unlock (worker's first connection, not in the median) | {r['first_ms']} | |",
        "",
        f"Runs, core: {r['core_runs_ms']}; populated: {r['populated_runs_ms']}.",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--as-of", default=None, help="default: the day the demo record was built")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import bench as bench_py  # bench/bench.py: the same cached record, built the same way

    meta = bench_py.ensure_record(args.cases, args.seed)
    as_of = args.as_of or (meta.get("built_at") or date.today().isoformat())[:10]
    result = bench_today(meta["record"], bench_py.PASSWORD, as_of, args.repeats)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(render(result, meta))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
