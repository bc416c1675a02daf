"""Benchmark: the calendar (ui/calendar/) with a busy week.

    python bench/gui_bench_calendar.py [--bookings 500] [--repeats 5] [--keep DIR]

Builds a record (cheap test key derivation) with six rooms, six interviewers and --bookings
interviews in one week (2026-11-23 .. 2026-11-29, Europe/Stockholm), each of its own child and
case, planned through the core (plan_interview; a clash would be overridden with a reason). Then,
offscreen at 1280x800, median of --repeats runs:

- core: session.calendar() for the week alone;
- load: CalendarPanel(session) created at that size, the week read from the core (on the
  record's thread, as in the app) and laid out: reload() until `loaded`;
- paint: a full paint of the loaded panel (widget.grab());
- floor: grab() of a bare QWidget of the same size (what any paint of that size costs here);
- worst case: load + paint at 4000x1000, where every block of the week is in view (at 1280x800
  the week view scrolls sideways and paints about a third of the week).

Target: load + paint of the week <= 200 ms. Prints a markdown table and writes it to
bench/calendar_results.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 200.0
ZONE = "Europe/Stockholm"
WEEK = date(2026, 11, 23)   # a Monday
ROOMS = ("Blue room", "Green room", "Harbour room", "Linden room", "Observation 1", "Observation 2")
PASSWORD = "bench-password-1"


def build_week_record(folder: Path, bookings: int = 500, week: date = WEEK, statuses: bool = False,
                      minutes: int = 50) -> Path:
    """A record with six rooms, six interviewers and `bookings` interviews in the week from
    `week`, planned through the core. statuses=True records some as held and some as not held
    (for the look of it). Returns the record's path; every user's password is PASSWORD."""
    from zoneinfo import ZoneInfo

    from barnahus_app.api import KdfParams, create_record, open_record
    from barnahus_app.errors import ConflictsFound

    kdf = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    path = folder / "record.barnahus"
    create_record(path, "admin", PASSWORD, "Administrator", "Bench Centre", kdf=kdf)
    with open_record(path, "admin", PASSWORD, kdf=kdf) as s:
        rooms = [s.create_room(name, "observation" if name.startswith("Obs") else "interview") for name in ROOMS]
        s.add_user("coordinator", "Coordinator", ["coordinator"], PASSWORD)
        names = ("Anna Berg", "Björn Lind", "Carin Ek", "David Holm", "Eva Sund", "Fredrik Ås")
        for i, name in enumerate(names):
            s.add_user(f"interviewer{i + 1}", name, ["interviewer"], PASSWORD)
    tz = ZoneInfo(ZONE)
    slots = [(d, r, h) for d in range(7) for r in range(len(rooms)) for h in range(12)]
    # Spread the bookings over the slots: a full week when there are ~500, a realistic one when fewer.
    step = max(1.0, len(slots) / bookings)
    chosen = [slots[int(i * step)] for i in range(min(bookings, len(slots)))]
    with open_record(path, "coordinator", PASSWORD, kdf=kdf) as s:
        staff = [u["id"] for u in s.interviewers()]
        made = []
        for n, (d, r, h) in enumerate(chosen):
            child = s.create_person(given_name=f"Child{n}", family_name="Benchdottir",
                                    date_of_birth="2015-01-01", acknowledge_duplicates=True)
            case = s.create_case(referral_received_at="2026-11-01T09:00:00+01:00", jurisdiction="SE",
                                 abuse_forms=["physical_violence"], triage_level="planned")
            s.add_child(case["id"], child, "victim")
            start = datetime.combine(week + timedelta(days=d), datetime.min.time(), tz) + timedelta(hours=7 + h)
            overrides = None
            while True:
                try:
                    iid = s.plan_interview(case["id"], child, start, minutes, rooms[r], staff[r % len(staff)],
                                           time_zone=ZONE, overrides=overrides)
                    break
                except ConflictsFound as e:
                    overrides = {c.key: "bench" for c in e.check.conflicts}
            made.append((iid, start))
    if statuses:
        with open_record(path, "interviewer1", PASSWORD, kdf=kdf) as s:
            for k, (iid, start) in enumerate(made):
                if start.date() < week + timedelta(days=2):
                    if k % 5 == 3:
                        s.record_child_declined(iid, "The child chose not to take part.")
                    else:
                        s.record_interview(iid, actual_start=start, actual_end=start + timedelta(minutes=minutes))
    return path


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 1)


def _load(panel) -> None:
    """reload() and wait for `loaded` in Qt's event loop, as in the app (a Python polling loop
    would hold the GIL against the worker and measure itself)."""
    from PySide6.QtCore import QEventLoop, QTimer
    done = []
    loop = QEventLoop()
    panel.loaded.connect(lambda: (done.append(True), loop.quit()))
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(60_000)
    panel.reload()
    if not done:
        loop.exec()
    if not done:
        raise TimeoutError("the calendar did not finish loading")


def bench_calendar(path: Path, repeats: int = 5, size=(1280, 800), wide=(4000, 1000)) -> dict:
    from PySide6.QtWidgets import QApplication, QWidget

    from barnahus_app.api import KdfParams, open_record
    from ui.calendar.panel import WEEK as WEEK_MODE, CalendarPanel

    app = QApplication.instance() or QApplication([sys.argv[0]])
    kdf = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    session = open_record(path, "coordinator", PASSWORD, kdf=kdf)
    core, load, paint, floor, total, wide_total, wide_painted = [], [], [], [], [], [], []
    shown = 0
    try:
        session.calendar(WEEK, WEEK + timedelta(days=6), ZONE)  # warm the page cache
        for _ in range(repeats):
            t = time.perf_counter()
            rows = session.calendar(WEEK, WEEK + timedelta(days=6), ZONE)
            core.append(time.perf_counter() - t)
            shown = len(rows)

            app.processEvents()
            t0 = time.perf_counter()
            panel = CalendarPanel(session, time_zone=ZONE, mode=WEEK_MODE, day=WEEK)
            panel.resize(*size)
            _load(panel)
            t1 = time.perf_counter()
            panel.grab()
            t2 = time.perf_counter()
            load.append(t1 - t0)
            paint.append(t2 - t1)
            total.append(t2 - t0)
            assert len(panel.bookings()) == shown

            # The worst case: a screen wide enough for the whole week, every block painted.
            app.processEvents()
            t0 = time.perf_counter()
            big = CalendarPanel(session, time_zone=ZONE, mode=WEEK_MODE, day=WEEK)
            big.resize(*wide)
            _load(big)
            big.grab()
            wide_total.append(time.perf_counter() - t0)
            wide_painted.append(sum(1 for b in big.bookings() if not big.grid.booking_rect(b.id).isEmpty()
                                    and big.grid.viewport().rect().intersects(big.grid.booking_rect(b.id))))
            big.deleteLater()

            bare = QWidget()
            bare.resize(*size)
            bare.grab()  # the first grab of a widget pays for its backing store
            t = time.perf_counter()
            bare.grab()
            floor.append(time.perf_counter() - t)
            bare.deleteLater()
            panel.deleteLater()
            app.processEvents()
    finally:
        session.close()
    med = statistics.median
    return {"bookings": shown, "core_ms": _ms(med(core)), "load_ms": _ms(med(load)),
            "paint_ms": _ms(med(paint)), "total_ms": _ms(med(total)), "floor_ms": _ms(med(floor)),
            "size": f"{size[0]}x{size[1]}", "repeats": repeats, "wide_ms": _ms(med(wide_total)),
            "wide_size": f"{wide[0]}x{wide[1]}", "wide_painted": min(wide_painted)}


def table(r: dict) -> str:
    verdict = "within" if r["total_ms"] <= TARGET_MS else "OVER"
    return "\n".join([
        f"Calendar week view, {r['bookings']} bookings in 6 rooms, {r['size']} offscreen, "
        f"median of {r['repeats']} runs ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}).",
        "",
        "| step | ms |",
        "|---|---:|",
        f"| core: session.calendar() for the week | {r['core_ms']} |",
        f"| load: panel reads the week and lays it out | {r['load_ms']} |",
        f"| paint: full paint of the panel (grab()) | {r['paint_ms']} |",
        f"| **load + paint** (target <= {TARGET_MS:.0f}) | **{r['total_ms']}** ({verdict} target) |",
        f"| floor: grab() of a bare QWidget, same size | {r['floor_ms']} |",
        f"| worst case: load + paint at {r['wide_size']}, {r['wide_painted']} blocks in view | {r['wide_ms']} |",
        "",
    ])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bookings", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the record in this folder (kept) instead of a temporary one")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "record.barnahus"
        if not path.exists():
            t = time.perf_counter()
            build_week_record(folder, args.bookings)
            print(f"record built in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        result = bench_calendar(path, args.repeats)
    text = table(result)
    print(text)
    (ROOT / "bench" / "calendar_results.md").write_text("# Calendar benchmark\n\n" + text, encoding="utf-8")
    return 0 if result["total_ms"] <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
