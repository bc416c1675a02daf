"""Benchmark: the desktop application's start-up, unlock and case-list search, against floors.

    python bench/gui_bench.py [--sizes 10000,100000] [--out bench/gui_results.md] [--starts 7]
                              [--unlocks 5] [--seed 1] [--profile] [--parts start,window]

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless DISPLAY is set. The demo records are the ones
bench/bench.py builds and caches under .bench/ (production key derivation); they are reused, not
built again. Settings and the data folder point to a temporary folder (XDG_CONFIG_HOME,
XDG_DATA_HOME), so the user's own recent records and window geometry are neither read nor changed.

1. Cold start to the unlock screen, against a bare PySide6 window started the same way. Each run
   is a fresh `python bench/gui_bench.py --child bare|app ...` process (the two kinds interleaved;
   one warm-up of each is discarded, so the disk cache is warm for both). The clock starts in this
   process just before Popen and stops at the child's "shown" line, printed once the first paint
   of the window (bare) or of the unlock screen (app) has been processed. perf_counter is
   CLOCK_MONOTONIC on Linux, the same clock in every process. The app child does what main.py
   does: main._disable_core_dumps(), main.wants_gui(args), then ui.app.start(argv) -- the function
   ui.app.run() calls before app.exec(). `python -X importtime` of the app child is summarised
   to show where its extra time goes.
2. Unlock to a populated main window (in this process): the unlock screen of a fresh ui.app.start()
   gets the user name and password, then UnlockPanel.submit() -- what the Unlock button and Enter
   call, with its Argon2 worker thread -- and the clock stops when MainWindow.on_unlocked has
   returned (the case list model holds its first page), when the first screen's own data has
   arrived (the Today view reads its reminders on a worker), and when the window has been
   painted after both. The core calls made meanwhile are timed (wrappers on the session), so
   the GUI thread's waits on the core show. Warm (record in the OS page cache) and cold
   (posix_fadvise DONTNEED on the record and key file first).
3. Keystroke to filtered list: in the unlocked window's CaseListPanel, a name prefix is typed key
   by key into the search field (tests.support.gui_shell.type_text: any script, not only ASCII); the debounce timer is stopped and the slot it would call
   (CaseListPanel._run_query) is called directly, timed until the model holds the filtered first
   page and until the table has been painted. The debounce (CaseListPanel.DEBOUNCE_MS, a deliberate
   pause so that typing a word runs one query, not one per letter) is measured separately: last
   keystroke to painted list with the real timer. A status (and other filter) combo change is
   timed from set_value() to the refreshed list. The core call inside is timed too (a wrapper on
   session.list_cases), so the GUI's own share shows.
"""
from __future__ import annotations

import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAIN_PY = os.path.join(ROOT, "main.py")


# --- the child processes ----------------------------------------------------------------------
# Dispatched before anything else is imported, so both kinds of child pay the same (tiny) price
# for this file and nothing more.
def _say(label: str, t: float | None = None) -> None:
    print(f"T {label} {time.perf_counter() if t is None else t!r}", flush=True)


def _wait_painted(widget, timeout_ms: int = 60_000) -> bool:
    """Process events until `widget` has had its first paint event handled (and whatever was
    queued with it: the backing store is flushed in the same pass)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    loop = QEventLoop()

    class Watch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                QTimer.singleShot(0, loop.quit)
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(timeout_ms)
    loop.exec()
    guard.stop()
    widget.removeEventFilter(watch)
    return watch.painted


def _child(argv: list[str]) -> int:
    t_entry = time.perf_counter()
    _say("entry", t_entry)
    kind, args = argv[0], argv[1:]
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QWidget
        _say("imported")
        app = QApplication([sys.argv[0]])
        w = QWidget()
        w.setWindowTitle("bare")
        em = w.fontMetrics().height()
        w.resize(em * 72, em * 46)  # the main window's size, so both paint the same area
        w.show()
        target = w
    elif kind == "app":
        sys.path.insert(0, ROOT)
        import main as app_main  # the same steps as main.main(), up to app.exec()
        app_main._disable_core_dumps()
        if not app_main.wants_gui(args):
            raise SystemExit(f"not the desktop app's arguments: {args}")
        from ui.shell.app import start
        _say("imported")
        controller = start([MAIN_PY, *args])
        if controller.window is None or controller.window.pages.currentWidget() is not controller.window.unlock_panel:
            raise SystemExit("the app did not show its unlock screen")
        target = controller.window.unlock_panel
    else:
        raise SystemExit(f"unknown child {kind}")
    _say("built")
    if not _wait_painted(target):
        raise SystemExit("no paint event")
    _say("shown")
    sys.stdout.flush()
    os._exit(0)  # the tear-down is not part of the measurement


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    sys.exit(_child(sys.argv[2:]))


# --- the parent ---------------------------------------------------------------------------------
import argparse  # noqa: E402
import cProfile  # noqa: E402
import io  # noqa: E402
import platform  # noqa: E402
import pstats  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "bench"))

START_RATIO_TARGET = 1.5
UNLOCK_TARGET_S = 1.5
KEYSTROKE_TARGET_MS = 100.0
THIS = os.path.abspath(__file__)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def fmt_ms(seconds: float) -> str:
    v = ms(seconds)
    return f"{v:.1f}" if v < 100 else f"{v:.0f}"


def ok(flag: bool) -> str:
    return "yes" if flag else "**NO**"


def load() -> float:
    return os.getloadavg()[0]


def child_env(tmp: Path) -> dict:
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["XDG_DATA_HOME"] = str(tmp / "data")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # Bytecode as an installed app has it: with PYTHONDONTWRITEBYTECODE set (as in some shells),
    # every child compiled our sources again (~20 ms) while PySide6's came from its .pyc files.
    # The warm-up children write it here, outside the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


# --- 1. cold start ------------------------------------------------------------------------------
def spawn(kind: str, extra: list[str], env: dict, importtime: bool = False) -> dict:
    cmd = [sys.executable] + (["-X", "importtime"] if importtime else []) + [THIS, "--child", kind, *extra]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True)
    out, err = p.communicate(timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"child {kind} failed ({p.returncode}):\n{out}\n{err[-3000:]}")
    marks = {}
    for line in out.splitlines():
        if line.startswith("T "):
            _, label, value = line.split()
            marks[label] = float(value) - t0
    if "shown" not in marks:
        raise RuntimeError(f"child {kind} printed no 'shown' line:\n{out}\n{err[-3000:]}")
    marks["stderr"] = err
    return marks


PHASES = (("spawn→entry", None, "entry"), ("entry→imported", "entry", "imported"),
          ("imported→built", "imported", "built"), ("built→painted", "built", "shown"))


def phase_medians(runs: list[dict]) -> dict:
    out = {}
    for name, a, b in PHASES:
        out[name] = statistics.median(r[b] - (r[a] if a else 0.0) for r in runs)
    out["total"] = statistics.median(r["shown"] for r in runs)
    return out


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def parse_importtime(text: str) -> list[dict]:
    """Entries of -X importtime (post-order) with their parent module."""
    entries, pending = [], []
    for line in text.splitlines():
        m = _IMPORT_LINE.match(line)
        if not m:
            continue
        e = {"self": int(m.group(1)), "cum": int(m.group(2)), "depth": len(m.group(3)),
             "name": m.group(4), "parent": None}
        keep = []
        for c in pending:
            if c["depth"] > e["depth"]:
                c["parent"] = e["name"]
            else:
                keep.append(c)
        pending = keep + [e]
        entries.append(e)
    return entries


OURS = ("barnahus_app", "ui", "main", "__main__")


def _top(name: str | None) -> str:
    return (name or "").split(".")[0]


def summarise_imports(runs: list[list[dict]]) -> dict:
    """Medians over runs of: self time by top-level package; our modules (self and cumulative);
    and every edge from our code into a third-party package (the module that imports it first
    is charged its whole cumulative time: later imports of it are free)."""
    pkg_self, ours, edges, totals = defaultdict(list), defaultdict(list), defaultdict(list), []
    for entries in runs:
        ps, es = defaultdict(int), defaultdict(int)
        for e in entries:
            top = _top(e["name"])
            ps["PySide6" if top in ("shiboken6", "shibokensupport") else top] += e["self"]
            if top in OURS:
                ours[e["name"]].append((e["self"], e["cum"]))
            elif _top(e["parent"]) in OURS or e["parent"] is None:
                es[(top, e["parent"] or "(top level)")] += e["cum"]
        for k, v in ps.items():
            pkg_self[k].append(v)
        for k, v in es.items():
            edges[k].append(v)
        totals.append(sum(e["self"] for e in entries))
    n = len(runs)
    med = lambda xs: statistics.median(list(xs) + [0] * (n - len(xs))) / 1e6  # noqa: E731 (us -> s)
    return {
        "self": sorted(((k, med(v)) for k, v in pkg_self.items()), key=lambda x: -x[1]),
        "ours": sorted(((k, med([a for a, _ in v]), med([b for _, b in v])) for k, v in ours.items()),
                       key=lambda x: -x[2]),
        "edges": sorted(((k[0], k[1], med(v)) for k, v in edges.items()), key=lambda x: -x[2]),
        "total": med(totals),
    }


def bench_start(record: Path, env: dict, n: int, importtime_runs: int = 3) -> tuple[str, dict]:
    app_args = ["--record", str(record)]
    l0 = load()
    spawn("bare", [], env)  # warm-ups: .pyc files and shared libraries in the OS cache
    spawn("app", app_args, env)
    bare, app = [], []
    for _ in range(n):
        bare.append(spawn("bare", [], env))
        app.append(spawn("app", app_args, env))
    l1 = load()
    imp_app = [parse_importtime(spawn("app", app_args, env, importtime=True)["stderr"]) for _ in range(importtime_runs)]
    imp_bare = [parse_importtime(spawn("bare", [], env, importtime=True)["stderr"]) for _ in range(importtime_runs)]
    pb, pa = phase_medians(bare), phase_medians(app)
    ratio = pa["total"] / pb["total"]
    sa, sb = summarise_imports(imp_app), summarise_imports(imp_bare)
    res = {"bare": pb, "app": pa, "ratio": ratio, "imports_app": sa, "imports_bare": sb,
           "load": (l0, l1), "bare_runs": [r["shown"] for r in bare], "app_runs": [r["shown"] for r in app]}
    return render_start(res, n, importtime_runs), res


def render_start(r: dict, n: int, k: int) -> str:
    pb, pa = r["bare"], r["app"]
    out = ["## 1. Cold start to the unlock screen", ""]
    out.append(f"Fresh processes, medians of {n} of each (interleaved, after one discarded warm-up "
               f"each). Machine load average (1 min) before/after: {r['load'][0]:.2f} / {r['load'][1]:.2f} "
               f"on {os.cpu_count()} CPUs.")
    out.append("")
    out.append("| Phase | Bare PySide6 window (ms) | App to unlock screen (ms) | App − bare (ms) |")
    out.append("|---|---:|---:|---:|")
    for name, _, _ in PHASES:
        out.append(f"| {name} | {fmt_ms(pb[name])} | {fmt_ms(pa[name])} | {fmt_ms(pa[name] - pb[name])} |")
    out.append(f"| **spawn→shown (total)** | **{fmt_ms(pb['total'])}** | **{fmt_ms(pa['total'])}** "
               f"| **{fmt_ms(pa['total'] - pb['total'])}** |")
    out.append("")
    out.append("| Measure | Value | Target | Met |")
    out.append("|---|---:|---:|---|")
    out.append(f"| Cold start ratio, app / bare window | {r['ratio']:.2f} | ≤ {START_RATIO_TARGET} "
               f"| {ok(r['ratio'] <= START_RATIO_TARGET)} |")
    out.append(f"| App start needed to meet the ratio | ≤ {fmt_ms(pb['total'] * START_RATIO_TARGET)} ms "
               f"| | |")
    out.append("")
    out.append(f"Runs (ms): bare {', '.join(fmt_ms(x) for x in r['bare_runs'])}; "
               f"app {', '.join(fmt_ms(x) for x in r['app_runs'])}.")
    out.append("")
    out.append("Phases: *spawn→entry* is the interpreter's own start-up (site, the venv) to the child's first "
               "line; *entry→imported* the imports (bare: PySide6.QtWidgets; app: main.py and ui.app with "
               "everything it imports); *imported→built* QApplication and the window (app: ui.app.start(): "
               "application setup, icon, translators, MainWindow with the unlock screen, show()); "
               "*built→painted* the event loop until the first paint of the window / unlock screen.")
    out.append("")
    sa, sb = r["imports_app"], r["imports_bare"]
    out.append(f"### Where the app's import time goes (`python -X importtime`, medians of {k} runs)")
    out.append("")
    out.append(f"Sum of self times: app {fmt_ms(sa['total'])} ms, bare {fmt_ms(sb['total'])} ms "
               f"(importtime's own overhead inflates both).")
    out.append("")
    bare_self = dict(sb["self"])
    out.append("Self time by top-level package, top 10:")
    out.append("")
    out.append("| Package | App (ms) | Bare (ms) |")
    out.append("|---|---:|---:|")
    for name, v in sa["self"][:10]:
        out.append(f"| {name} | {fmt_ms(v)} | {fmt_ms(bare_self.get(name, 0.0))} |")
    out.append("")
    out.append("Third-party packages imported by our code (cumulative: with everything they import; "
               "charged to the first importer), top 10:")
    out.append("")
    out.append("| Package | Imported first by | Cumulative (ms) |")
    out.append("|---|---|---:|")
    for pkg, parent, v in [x for x in sa["edges"] if x[1] != "(top level)"][:10]:
        out.append(f"| {pkg} | {parent} | {fmt_ms(v)} |")
    out.append("")
    out.append("Our modules by cumulative import time, top 10:")
    out.append("")
    out.append("| Module | Self (ms) | Cumulative (ms) |")
    out.append("|---|---:|---:|")
    for name, own, cum in sa["ours"][:10]:
        out.append(f"| {name} | {fmt_ms(own)} | {fmt_ms(cum)} |")
    out.append("")
    return "\n".join(out)


# --- 2. and 3. in this process --------------------------------------------------------------------
# Core calls the GUI makes while it unlocks and searches; each is wrapped on the session (an
# instance attribute) so that the core's share of every measurement is known.
CORE_METHODS = ("list_cases", "case_years", "users_with_role", "reminders", "drafts", "record_info",
                "setting", "get_case")


class Timed:
    """Wraps a callable, keeping (start, end, on the main thread?) of every call."""

    def __init__(self, fn, name: str = ""):
        import threading
        self.fn, self.name = fn, name
        self._main = threading.main_thread()
        self._current = threading.current_thread
        self.calls: list[tuple[float, float, bool]] = []

    def __call__(self, *a, **kw):
        t = time.perf_counter()
        try:
            return self.fn(*a, **kw)
        finally:
            self.calls.append((t, time.perf_counter(), self._current() is self._main))


def wrap_session(session) -> dict:
    timers = {}
    for name in CORE_METHODS:
        fn = getattr(session, name, None)
        if fn is not None:
            timers[name] = Timed(fn, name)
            setattr(session, name, timers[name])
    return timers


def unwrap_session(session) -> None:
    for name in CORE_METHODS:
        session.__dict__.pop(name, None)


class PaintLog:
    """Completion times of the paint passes that touch `root` or a widget inside it: on a paint
    event there, the time is taken when control is back in the event loop (the whole pass,
    backing-store flush included, is done)."""

    def __init__(self, root):
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QWidget
        self.root, self.passes, self._pending = root, [], False
        log = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
                if (event.type() == QEvent.Type.Paint and not log._pending and isinstance(obj, QWidget)
                        and (obj is log.root or log.root.isAncestorOf(obj))):
                    log._pending = True
                    QTimer.singleShot(0, log._done)
                return False

        self._filter = Filter()
        QApplication.instance().installEventFilter(self._filter)

    def _done(self) -> None:
        self._pending = False
        self.passes.append(time.perf_counter())

    def first_after(self, t: float) -> float | None:
        return next((p for p in self.passes if p > t), None)

    def close(self) -> None:
        from PySide6.QtWidgets import QApplication
        QApplication.instance().removeEventFilter(self._filter)


def wait_until(cond, timeout_s: float = 60.0, poll_ms: int = 2) -> bool:
    """Run the event loop until cond() is true (checked every poll_ms; the times measured come
    from the events themselves, not from this polling)."""
    from PySide6.QtCore import QEventLoop, QTimer
    if cond():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    result = [False]

    def check() -> None:
        if cond():
            result[0] = True
            loop.quit()
        elif time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(poll_ms)
    loop.exec()
    timer.stop()
    return result[0]


def _process_deferred_deletes() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def open_window(record: Path):
    """ui.shell.app.start() as main.py calls it; the unlock screen on screen."""
    from ui.shell import app as ui_app
    controller = ui_app.start([MAIN_PY, "--record", str(record)])
    win = controller.window
    assert win is not None and win.pages.currentWidget() is win.unlock_panel
    _wait_painted(win.unlock_panel)
    return controller, win


def close_window(win) -> None:
    from PySide6.QtCore import QCoreApplication
    from ui.common.tasks import wait_for_all
    wait_for_all(60_000)
    _process_deferred_deletes()
    win.close()
    while win.autobackup.running:   # a due automatic backup at quitting: the window closes after it
        QCoreApplication.processEvents()
        time.sleep(0.01)
    win.deleteLater()
    _process_deferred_deletes()


def unlock_once(record: Path, user: str, password: str, cold: bool = False, profile: bool = False,
                keep: bool = False) -> dict:
    """Submit the password on a fresh unlock screen; time the steps until the main window is
    populated: its first screen painted with its data, the case list's model with its first page."""
    import bench as core_bench
    import ui.shell.unlock as unlock_mod

    controller, win = open_window(record)
    panel = win.unlock_panel
    panel.user_edit.setText(user)
    panel.password_edit.setText(password)
    # the name submit() calls: ui.unlock's own import, or the api module's if it looks it up late
    import barnahus_app.api as api_mod
    holder = unlock_mod if "open_record" in vars(unlock_mod) else api_mod
    real_open = holder.open_record
    marks: dict = {}
    timers: dict = {}

    def timed_open(*a, **kw):
        marks["worker_start"] = time.perf_counter()
        session = real_open(*a, **kw)
        marks["worker_end"] = time.perf_counter()
        timers.update(wrap_session(session))
        return session

    holder.open_record = timed_open
    state = {"log": None}

    def on_unlocked(_session) -> None:  # connected after MainWindow.on_unlocked: runs after it
        marks["unlocked"] = time.perf_counter()
        cl = win.case_list
        marks["rows"] = cl.model.rowCount() if cl is not None else 0
        marks["total"] = cl.model.total if cl is not None else 0
        state["log"] = PaintLog(win.work)
        today = getattr(win, "today", None)
        if today is not None:
            today.loaded.connect(lambda: marks.setdefault("today_loaded", time.perf_counter()))

    def today_done() -> bool:
        today = getattr(win, "today", None)
        if today is None:
            return True
        if not today.is_loading():
            marks.setdefault("today_loaded", time.perf_counter())  # (failed: no 'loaded' signal)
            return True
        return False

    def done() -> bool:
        if "unlocked" not in marks or not today_done():
            return False
        ready = max(marks["unlocked"], marks.get("today_loaded", 0.0))
        return state["log"].first_after(ready) is not None

    panel.unlocked.connect(on_unlocked)
    if cold:
        core_bench.drop_os_cache(record, core_bench.KeyFile.path_for(record))
    prof = cProfile.Profile() if profile else None
    try:
        if prof:
            prof.enable()
        t0 = time.perf_counter()
        panel.submit()
        finished = wait_until(done, 120)
        if prof:
            prof.disable()
        if not finished:
            raise RuntimeError(f"unlock did not finish: {marks} {panel.message.text() if hasattr(panel.message, 'text') else ''}")
    finally:
        holder.open_record = real_open
    log = state["log"]
    log.close()
    ready = max(marks["unlocked"], marks.get("today_loaded", 0.0))
    first_paint = log.first_after(marks["unlocked"])
    populated = log.first_after(ready)
    main_core = sum(b - a for t in timers.values() for a, b, main in t.calls if main and a < marks["unlocked"])
    res = {
        "to_worker": marks["worker_start"] - t0,
        "open_record": marks["worker_end"] - marks["worker_start"],
        "build": marks["unlocked"] - marks["worker_end"],
        "build_core": main_core,
        "first_paint": first_paint - marks["unlocked"],
        "today_wait": max(0.0, marks.get("today_loaded", marks["unlocked"]) - marks["unlocked"]),
        "populated_paint": populated - ready,
        "to_rows": marks["unlocked"] - t0,
        "to_first_paint": first_paint - t0,
        "to_painted": populated - t0,
        "rows": marks["rows"], "total": marks["total"], "profile": prof,
        "first_screen": win.current_page() if hasattr(win, "current_page") else "",
        "core": {name: [(b - a, main) for a, b, main in t.calls] for name, t in timers.items() if t.calls},
    }
    if keep:
        res["window"], res["controller"] = win, controller
    else:
        unwrap_session(win.session) if win.session is not None else None
        close_window(win)
    return res


def profile_text(prof, n: int = 25, sort: str = "cumulative") -> str:
    s = io.StringIO()
    st = pstats.Stats(prof, stream=s)
    st.strip_dirs().sort_stats(sort).print_stats(n)
    lines = [ln for ln in s.getvalue().splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


UNLOCK_KEYS = ("to_worker", "open_record", "build", "build_core", "first_paint", "today_wait",
               "populated_paint", "to_rows", "to_first_paint", "to_painted")


def bench_unlock(record: Path, user: str, password: str, n: int, profile: bool) -> dict:
    l0 = load()
    unlock_once(record, user, password)  # warm-up
    warm = [unlock_once(record, user, password) for _ in range(n)]
    cold = [unlock_once(record, user, password, cold=True) for _ in range(3)]
    prof = unlock_once(record, user, password, profile=True)["profile"] if profile else None
    l1 = load()
    med = lambda runs, k: statistics.median(r[k] for r in runs)  # noqa: E731
    core = defaultdict(list)
    for r in warm:
        for name, calls in r["core"].items():
            core[name].append((sum(d for d, _ in calls), len(calls), all(m for _, m in calls)))
    core_med = {name: (statistics.median(x[0] for x in v), v[0][1], v[0][2]) for name, v in core.items()}
    return {"warm": {k: med(warm, k) for k in UNLOCK_KEYS}, "cold": {k: med(cold, k) for k in UNLOCK_KEYS},
            "rows": warm[0]["rows"], "total": warm[0]["total"], "load": (l0, l1), "profile": prof,
            "warm_runs": [r["to_painted"] for r in warm], "first_screen": warm[0]["first_screen"],
            "core": core_med}


def pick_prefixes(record: Path, key: bytes, k: int = 6) -> list[tuple[str, str]]:
    """(label, typed text) pairs: what a user types, from real names spread over the record."""
    import bench as core_bench
    c = core_bench.connect_encrypted(record, key)
    try:
        (n,) = c.execute("SELECT max(id) FROM cases").fetchone()
        names, refs = [], []
        for i in range(k):
            row = c.execute("""
                SELECT c.reference, p.given_name, p.family_name FROM cases c
                JOIN case_children cc ON cc.case_id = c.id JOIN persons p ON p.id = cc.person_id
                WHERE c.id >= ? ORDER BY c.id LIMIT 1""", (1 + (n * (2 * i + 1)) // (2 * k),)).fetchone()
            ref, given, family = row
            names.append((given.split("-")[-1], family))  # what a user types: no demo marker
            refs.append(ref)
    finally:
        c.close()
    out, seen = [], set()
    for given, family in names:
        for label, text in (("1 letter", given[:1]), ("2 letters", given[:2]), ("3 letters", given[:3]),
                            ("given name", given), ("given + family name", f"{given} {family}")):
            if (label, text) not in seen:
                seen.add((label, text))
                out.append((label, text))
    for ref in refs:
        out.append(("case reference", ref))
        prefix = "BH-" + ref.split("-")[1]
        if ("reference prefix", prefix) not in seen:
            seen.add(("reference prefix", prefix))
            out.append(("reference prefix", prefix))
    return out


def bench_search(win, record: Path, key: bytes, profile: bool) -> dict:
    """Keystroke to filtered list, filter change to refreshed list, on the unlocked window."""
    from PySide6.QtCore import Qt
    from barnahus_app import vocab
    # Key by key as the GUI tests type: QTest.keyClicks only knows Latin-1 and aborts on the
    # rest (qasciikey.cpp), so any seed's names ("Łucja", "Олена") are typed through key events
    # that carry their text.
    from tests.support.gui_shell import type_text

    session = win.session
    timers = wrap_session(session)
    timed_list = timers["list_cases"]
    l0 = load()
    wait_until(lambda: getattr(win, "today", None) is None or not win.today.is_loading(), 120)
    log = PaintLog(win.work)
    # to the case list (Ctrl+1), as a user does from the first screen
    t0 = time.perf_counter()
    win.go_cases_action.trigger()
    t1 = time.perf_counter()
    wait_until(lambda: log.first_after(t1) is not None, 10)
    to_cases = {"to_model": t1 - t0, "to_painted": (log.first_after(t1) or float("nan")) - t0}
    panel = win.case_list
    assert panel.isVisible(), "the case list is not on screen"
    log.close()
    log = PaintLog(panel)

    def reset_search() -> None:
        panel.search.blockSignals(True)
        panel.search.clear()
        panel.search.blockSignals(False)
        panel._debounce.stop()

    def one_query(trigger) -> dict:
        timed_list.calls.clear()
        t0 = time.perf_counter()
        trigger()
        t1 = time.perf_counter()
        painted = wait_until(lambda: log.first_after(t1) is not None, 5)
        t2 = log.first_after(t1) or float("nan")
        core = sum(b - a for a, b, _ in timed_list.calls)
        return {"to_model": t1 - t0, "to_painted": t2 - t0, "core": core, "painted": painted,
                "rows": panel.model.rowCount(), "total": panel.model.total}

    prefixes = pick_prefixes(record, key)
    prof = cProfile.Profile() if profile else None
    results, keystroke = [], []
    for label, text in prefixes:
        reset_search()
        panel.search.setFocus(Qt.FocusReason.OtherFocusReason)
        t = time.perf_counter()
        type_text(panel.search, text)
        keystroke.append((time.perf_counter() - t) / max(1, len(text)))
        assert panel._debounce.isActive(), "typing did not start the debounce timer"
        panel._debounce.stop()
        if prof:
            prof.enable()
        r = one_query(panel._run_query)  # what the debounce timer's timeout calls
        if prof:
            prof.disable()
        assert panel.model.case_filter.text == text, (panel.model.case_filter, text)
        results.append({"kind": label, "text": text, **r})

    # the debounce, end to end: last keystroke -> painted filtered list, with the real timer
    debounced = []
    for label, text in prefixes:
        if label != "3 letters":
            continue
        reset_search()
        wait_until(lambda: False, 0.05)  # let the reset's repaint go by
        timed_list.calls.clear()
        type_text(panel.search, text)
        t0 = time.perf_counter()
        ok_ = wait_until(lambda: timed_list.calls and log.first_after(timed_list.calls[-1][1]) is not None, 10)
        if ok_:
            debounced.append({"to_query": timed_list.calls[0][0] - t0,
                              "to_model": timed_list.calls[-1][1] - t0,
                              "to_painted": log.first_after(timed_list.calls[-1][1]) - t0})
    reset_search()
    panel._run_query()

    # filter changes: every case status, then other filters
    filters = []
    for code in [t.code for t in vocab.vocabulary("case_statuses").terms]:
        r = one_query(lambda code=code: panel.status_filter.set_value(code))
        filters.append({"kind": "status", "text": code, **r})
    r = one_query(lambda: panel.status_filter.set_value(None))
    filters.append({"kind": "status back to any", "text": "", **r})
    for combo, kind, values in (
            (panel.emergency_filter, "emergency", [True, False, None]),
            (panel.abuse_filter, "form of abuse",
             [t.code for t in vocab.vocabulary("abuse_forms").terms][:4] + [None]),
            (panel.year_filter, "year",
             [panel.year_filter.itemData(i) for i in range(1, min(panel.year_filter.count(), 5))] + [None])):
        for v in values:
            r = one_query(lambda combo=combo, v=v: combo.set_value(v))
            filters.append({"kind": kind, "text": str(v), **r})
    log.close()
    l1 = load()
    unwrap_session(session)
    return {"search": results, "filters": filters, "debounced": debounced, "keystroke": keystroke,
            "to_cases": to_cases, "load": (l0, l1), "profile": prof, "debounce_ms": panel.DEBOUNCE_MS}


def bench_size(cases: int, seed: int, unlocks: int, profile: bool) -> tuple[str, dict]:
    import bench as core_bench
    info = core_bench.ensure_record(cases, seed)
    record, key = info["record"], info["key"]
    u = bench_unlock(record, core_bench.USER, core_bench.PASSWORD, unlocks, profile)
    kept = unlock_once(record, core_bench.USER, core_bench.PASSWORD, keep=True)
    try:
        s = bench_search(kept["window"], record, key, profile)
    finally:
        close_window(kept["window"])
    return render_size(cases, seed, info, u, s, unlocks), {"unlock": u, "search": s}


def _median_by(rows: list[dict], key: str) -> list[tuple[str, dict]]:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r[key], []).append(r)
    out = []
    for k, rs in groups.items():
        out.append((k, {"n": len(rs), "to_model": statistics.median(x["to_model"] for x in rs),
                        "to_painted": statistics.median(x["to_painted"] for x in rs),
                        "max_painted": max(x["to_painted"] for x in rs),
                        "core": statistics.median(x["core"] for x in rs),
                        "rows": statistics.median(x["total"] for x in rs),
                        "examples": ", ".join(sorted({x["text"] for x in rs})[:4])}))
    return out


def render_size(cases, seed, info, u, s, n) -> str:
    out = [f"## {cases:,} cases (seed {seed})", ""]
    out.append(f"Record {info['record'].stat().st_size / 1e6:.0f} MB (the cached demo record of "
               f"bench/bench.py, production KDF), user `coordinator`.")
    out.append("")
    out.append("### 2. Unlock to a populated main window")
    out.append("")
    out.append(f"Medians: warm = {n} runs with the record in the OS page cache; cold = 3 runs after "
               f"posix_fadvise(DONTNEED) on the record and key file. Load average before/after: "
               f"{u['load'][0]:.2f} / {u['load'][1]:.2f}. First screen after unlock: "
               f"`{u['first_screen']}`.")
    out.append("")
    out.append("| Step | Warm (ms) | Cold (ms) |")
    out.append("|---|---:|---:|")
    labels = (
        ("submit → worker thread starts", "to_worker"),
        ("open_record on the worker (Argon2id, key probe, schema check, login audit)", "open_record"),
        ("worker done → MainWindow.on_unlocked returned (all pages built; case list model has its first page)", "build"),
        ("  of which core calls on the GUI thread", "build_core"),
        ("on_unlocked → first paint of the main window", "first_paint"),
        ("on_unlocked → first screen's data loaded (Today's reminders, on a worker)", "today_wait"),
        ("data loaded → painted", "populated_paint"),
        ("**submit → case list model has its first page**", "to_rows"),
        ("**submit → main window first painted**", "to_first_paint"),
        ("**submit → populated main window painted**", "to_painted"),
    )
    for label, k in labels:
        out.append(f"| {label} | {fmt_ms(u['warm'][k])} | {fmt_ms(u['cold'][k])} |")
    out.append("")
    out.append(f"Case list first page: {u['rows']} rows of {u['total']:,}. Warm runs, submit → populated "
               f"(ms): {', '.join(fmt_ms(x) for x in u['warm_runs'])}. Target ≤ {UNLOCK_TARGET_S:.1f} s: "
               f"warm {ok(u['warm']['to_painted'] <= UNLOCK_TARGET_S)}, cold "
               f"{ok(u['cold']['to_painted'] <= UNLOCK_TARGET_S)}.")
    out.append("")
    out.append("Core calls during unlock (warm, medians; main = on the GUI thread): " + "; ".join(
        f"{name} ×{cnt} {fmt_ms(t)} ms ({'main' if main else 'worker'})"
        for name, (t, cnt, main) in sorted(u["core"].items(), key=lambda x: -x[1][0])) + ".")
    out.append("")
    out.append("### 3. Keystroke to filtered list")
    out.append("")
    tc = s["to_cases"]
    out.append(f"From the first screen to the case list (Ctrl+1): {fmt_ms(tc['to_painted'])} ms to painted. "
               f"Search typed key by key (type_text); the debounce timer stopped and its slot "
               f"(CaseListPanel._run_query) called directly. 'Core' is session.list_cases inside it "
               f"(the page and its total). Load average before/after: {s['load'][0]:.2f} / "
               f"{s['load'][1]:.2f}. Per keystroke (typing, debounce restart): median "
               f"{fmt_ms(statistics.median(s['keystroke']))} ms.")
    out.append("")
    out.append("| Typed / changed | n | Examples | Matches (median) | Core (ms) | → model (ms) "
               "| → painted (ms) | Worst painted (ms) | ≤ 100 ms |")
    out.append("|---|---:|---|---:|---:|---:|---:|---:|---|")
    for kind, g in _median_by(s["search"], "kind") + _median_by(s["filters"], "kind"):
        out.append(f"| {kind} | {g['n']} | {g['examples']} | {g['rows']:,.0f} | {fmt_ms(g['core'])} "
                   f"| {fmt_ms(g['to_model'])} | {fmt_ms(g['to_painted'])} | {fmt_ms(g['max_painted'])} "
                   f"| {ok(ms(g['to_painted']) <= KEYSTROKE_TARGET_MS)} |")
    allq = s["search"]
    out.append("")
    out.append(f"All typed searches: median {fmt_ms(statistics.median(r['to_painted'] for r in allq))} ms, "
               f"worst {fmt_ms(max(r['to_painted'] for r in allq))} ms to the painted list.")
    if s["debounced"]:
        d = s["debounced"]
        out.append(f"With the real debounce timer (DEBOUNCE_MS = {s['debounce_ms']}), last keystroke of a "
                   f"3-letter prefix → query starts {fmt_ms(statistics.median(x['to_query'] for x in d))} ms, "
                   f"→ model {fmt_ms(statistics.median(x['to_model'] for x in d))} ms, → painted "
                   f"{fmt_ms(statistics.median(x['to_painted'] for x in d))} ms (median of {len(d)}).")
    out.append("")
    return "\n".join(out)


def render_profiles(size_results: dict) -> str:
    out = []
    for cases, r in size_results.items():
        for title, prof in (("unlock (main thread: submit → painted)", r["unlock"]["profile"]),
                            ("search (every typed query)", r["search"]["profile"])):
            if prof is None:
                continue
            out.append(f"<details><summary>cProfile, {cases:,} cases, {title}</summary>")
            out.append("")
            out.append("```")
            out.append(profile_text(prof, 30))
            out.append("```")
            out.append("")
            out.append("</details>")
            out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "gui_results.md"))
    ap.add_argument("--starts", type=int, default=7, help="cold starts of each kind")
    ap.add_argument("--unlocks", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="append cProfile listings of unlock and search")
    ap.add_argument("--parts", default="start,window",
                    help="start: cold start (1); window: unlock and search in this process (2, 3)")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    parts = {x.strip() for x in args.parts.split(",")}
    started = time.perf_counter()

    tmp = Path(tempfile.mkdtemp(prefix="barnahus-guibench-"))
    env = child_env(tmp)
    for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "QT_QPA_PLATFORM"):
        if k in env:
            os.environ[k] = env[k]

    import bench as core_bench  # noqa: F401 (after the environment is set)
    import PySide6
    from PySide6.QtCore import qVersion

    infos = {n: core_bench.ensure_record(n, args.seed) for n in sizes}  # build once, if not cached
    header = [
        "# Barnahus desktop benchmark", "",
        f"{date.today().isoformat()}, {platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, PySide6 {PySide6.__version__} (Qt {qVersion()}), QPA "
        f"platform `{os.environ.get('QT_QPA_PLATFORM') or 'default (DISPLAY set)'}`. "
        f"Produced by `python bench/gui_bench.py`; the method is in its docstring. The app child "
        f"stops at ui.app.start() (what ui.app.run() does before app.exec()).", "",
        f"Targets: cold start ≤ {START_RATIO_TARGET}× a bare PySide6 window; unlock to a populated "
        f"main window ≤ {UNLOCK_TARGET_S} s on 100k; keystroke to filtered list ≤ "
        f"{KEYSTROKE_TARGET_MS:.0f} ms (the debounce pause reported apart).", "",
    ]
    sections = []
    if "start" in parts:
        record = infos[max(sizes)]["record"]
        text, _ = bench_start(record, env, args.starts)
        print(text, flush=True)
        sections.append(text)

    from PySide6.QtWidgets import QApplication
    from ui.shell import app as ui_app  # noqa: F401 (the application object is made by ui.app.start)
    size_results = {}
    for n in (sizes if "window" in parts else []):
        text, res = bench_size(n, args.seed, args.unlocks, args.profile)
        print(text, flush=True)
        sections.append(text)
        size_results[n] = res
    if args.profile:
        sections.append(render_profiles(size_results))
    footer = f"Total benchmark time: {time.perf_counter() - started:.0f} s.\n"
    report = "\n".join(header) + "\n" + "\n".join(sections) + "\n" + footer
    print(footer)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report, encoding="utf-8")
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
