"""Benchmark: court documents (issue 6): the case summary of a large case, and the bundle's copy-
and-hash of a large recording, against the standard tools.

    python bench/bench_documents.py [--events 1000] [--size-mib 1536] [--repeats 3]
                                    [--out bench/documents_results.md]

Everything lives under .bench/documents/ (gitignored): a fresh record with the production code
paths (a fast key derivation only, which is not what is measured), and one file of random bytes
(not sparse: holes read faster than any real recording), made once and reused.

1. Summary of a case with --events custody events: 4 recordings of one held interview, each with
   its acquisition and then hand-overs (police, prosecution, court, returned) and viewings, so
   the custody tables hold --events rows (a tenth of them hand-overs, which are also timeline
   rows). write_case_summary timed whole (gather in one transaction, build, render, sign, write,
   fsync, register, audit), PDF (PDF/A-1b, PAdES signed) and DOCX, median of --repeats after one
   warm-up call (the warm-up, fonts and imports included, is shown too). The PDF time is split into
   render_pdf and sign_pdf by wrapping the two functions.
2. export_bundle(include_recordings=True) of a case whose one recording is the --size-mib file:
   a folder, a plain zip and an AES-256 zip; timed whole and as write_bundle alone (the bundle
   proper: copy + hash in one pass, tag files, signature, fsync; the rest is rendering the two
   summaries). Compared with `sha256sum SRC` and with `cat SRC > DST && sha256sum DST` (and the
   same with `sync DST`, since the bundle fsyncs what it wrote), in the same run, alternating so
   all see the same page-cache state. The bundle is removed after each run.

Targets: each summary <= 3 s; bundle throughput >= 0.8x sha256sum. Prints a markdown table and
writes it to --out.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barnahus_app.documents import bundle as bundle_mod  # noqa: E402
from barnahus_app.api import KdfParams, create_record, open_record  # noqa: E402
from barnahus_app.documents import docx as docx_mod  # noqa: E402
from barnahus_app.documents import pdf as pdf_mod  # noqa: E402
from barnahus_app.documents import pdf_sign as sign_mod  # noqa: E402
from bench_hashing import make_file, timed  # noqa: E402  (the same random file, the same clock)

KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)  # unlocking is not what is measured
PASSWORD = "bench-password-1"
ZONE = "Europe/Stockholm"
PASSPHRASE = "bench transport passphrase"


class Timers:
    """Wall time spent inside wrapped functions, per name, since the last reset()."""

    def __init__(self):
        self.spent: dict[str, float] = {}

    def wrap(self, module, name: str):
        original = getattr(module, name)

        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - t
        setattr(module, name, timed)

    def reset(self):
        self.spent = {}


def build(work: Path, events: int, big: Path) -> dict:
    path = work / "record.barnahus"
    for p in work.glob("record.barnahus*"):
        p.unlink()
    create_record(path, "admin", PASSWORD, "Administrator", "Bench Centre", kdf=KDF)
    with open_record(path, "admin", PASSWORD, kdf=KDF) as a:
        a.add_user("coord", "Cora Coordinator", ["coordinator"], PASSWORD)
        a.add_user("ivy", "Ivy Interviewer", ["interviewer"], PASSWORD)
        room = a.create_room("Blue room", "interview")
    with open_record(path, "coord", PASSWORD, kdf=KDF) as c:
        child = c.create_person(given_name="Bench", family_name="Child", date_of_birth="2014-05-06",
                                acknowledge_duplicates=True)
        refs = []
        for _ in range(2):
            case = c.create_case(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE",
                                 abuse_forms=["sexual_abuse_extrafamilial"], triage_level="urgent")
            c.add_child(case["id"], child, "victim")
            refs.append(case)
        ivy = c.interviewers()[0]["id"]
    big_case, large_case = refs
    with open_record(path, "ivy", PASSWORD, kdf=KDF) as s:
        iv = s.plan_interview(large_case["id"], child, "2026-03-10T10:00", 60, room, ivy, time_zone=ZONE)
        s.record_interview(iv, actual_start="2026-03-10T10:03", actual_end="2026-03-10T10:58")
        recs = []
        for i in range(4):
            f = work / f"small-{i}.mp4"
            f.write_bytes(os.urandom(64 * 1024))
            recs.append(s.register_recording(iv, f, label=f"Recording {i + 1}", acquired_at="2026-03-10T11:00:00Z"))
        n = len(recs)  # the acquisitions count as events
        kinds = ("handed_to_police", "viewed", "viewed", "returned", "viewed", "viewed", "viewed",
                 "handed_to_prosecution", "viewed", "viewed")
        t0 = time.perf_counter()
        while n < events:
            kind = kinds[n % len(kinds)]
            day = 11 + (n * 200 // events)
            when = f"2026-{3 + day // 28:02d}-{1 + day % 28:02d}T{8 + n % 9:02d}:{n % 60:02d}:00Z"
            extra = ({"counterpart": "Police Region Syd", "receipt": f"R-{n}"} if kind.startswith("handed")
                     else {"purpose": f"Viewed for the investigation, note {n}"} if kind == "viewed" else {})
            s.add_custody_event(recs[n % len(recs)], kind, occurred_at=when, location="Centre evidence room",
                                **extra)
            n += 1
        print(f"  {events} custody events written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        iv2 = s.plan_interview(big_case["id"], child, "2026-03-20T10:00", 60, room, ivy, time_zone=ZONE,
                               justification="Benchmark: a second interview.")
        t0 = time.perf_counter()
        s.register_recording(iv2, big, label="Large recording")
        print(f"  registered the {big.stat().st_size >> 20} MiB recording in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
    return {"record": path, "large_case": large_case["reference"], "big_case": big_case["reference"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--size-mib", type=int, default=1536)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "documents_results.md"))
    args = ap.parse_args(argv)
    load_before = os.getloadavg()[0]
    work = ROOT / ".bench" / "documents"
    work.mkdir(parents=True, exist_ok=True)
    big = work / f"random-{args.size_mib}MiB.bin"
    print(f"making {big} ...", file=sys.stderr)
    make_file(big, args.size_mib)
    print("building the record ...", file=sys.stderr)
    w = build(work, args.events, big)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()

    timers = Timers()
    timers.wrap(pdf_mod, "render_pdf")
    timers.wrap(docx_mod, "render_docx")
    timers.wrap(sign_mod, "sign_pdf")
    timers.wrap(bundle_mod, "write_bundle")
    # issuing imports render_pdf, sign_pdf and write_bundle inside the calls, so the wraps apply.

    with open_record(w["record"], "coord", PASSWORD, kdf=KDF) as c:
        # --- 1. the summary of a large case ---------------------------------------------------
        summary = {}
        for fmt in ("pdf", "docx"):
            runs, render, sign = [], [], []
            warm = None
            for i in range(args.repeats + 1):
                timers.reset()
                target = out / f"summary-{i}.{fmt}"
                secs = timed(lambda: c.write_case_summary(w["large_case"], target, fmt, time_zone=ZONE))
                if i == 0:
                    warm = secs
                    size = target.stat().st_size
                    continue
                runs.append(secs)
                render.append(timers.spent.get("render_pdf" if fmt == "pdf" else "render_docx", 0.0))
                sign.append(timers.spent.get("sign_pdf", 0.0))
            pages = None
            if fmt == "pdf":
                info = subprocess.run(["pdfinfo", str(out / "summary-1.pdf")], capture_output=True, text=True)
                pages = next((ln.split()[-1] for ln in info.stdout.splitlines() if ln.startswith("Pages:")), "?")
            summary[fmt] = dict(median=statistics.median(runs), warm=warm, size=size, pages=pages,
                                render=statistics.median(render), sign=statistics.median(sign))
        # --- 2. the bundle's copy and hash of a large recording ------------------------------
        src = str(big)
        dst = work / "copy.bin"
        mb = big.stat().st_size / 1e6

        def sha256sum():
            subprocess.run(["sha256sum", src], capture_output=True, check=True)

        def cat_sha(sync: bool):
            def run():
                dst.unlink(missing_ok=True)
                cmd = f"cat '{src}' > '{dst}' && " + (f"sync '{dst}' && " if sync else "") + f"sha256sum '{dst}'"
                subprocess.run(cmd, shell=True, capture_output=True, check=True)
            return run

        def export(kind: str):
            def run():
                target = out / ("bundle" if kind == "folder" else "bundle.zip")
                try:
                    c.export_bundle(w["big_case"], target, include_recordings=True, as_zip=kind != "folder",
                                    passphrase=PASSPHRASE if kind == "aes" else None, time_zone=ZONE)
                finally:
                    if target.is_dir():
                        shutil.rmtree(target)
                    elif target.exists():
                        target.unlink()
            return run

        tasks = {"sha256sum": sha256sum, "cat": cat_sha(False), "cat_sync": cat_sha(True),
                 "folder": export("folder"), "zip": export("zip"), "aes": export("aes")}
        t = {k: [] for k in tasks}
        inner = {k: [] for k in ("folder", "zip", "aes")}
        sha256sum()  # warm the page cache
        for _ in range(args.repeats):
            for name, fn in tasks.items():
                timers.reset()
                t[name].append(timed(fn))
                if name in inner:
                    inner[name].append(timers.spent.get("write_bundle", 0.0))
        dst.unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)

    med = {k: statistics.median(v) for k, v in t.items()}
    med_inner = {k: statistics.median(v) for k, v in inner.items()}
    floor = med["sha256sum"]

    def ok(flag: bool) -> str:
        return "yes" if flag else "**no**"

    lines = [
        f"Court documents, {os.cpu_count()} cores, median of {args.repeats} (after one warm-up call); "
        f"`python bench/bench_documents.py --events {args.events} --size-mib {args.size_mib}`. "
        f"Load average (1 min) {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end: other "
        "work on the machine slows every row alike.",
        "",
        f"### Summary of a case with {args.events} custody events (4 recordings of one interview; "
        f"{args.events // 10} hand-overs, the rest viewings, returns and the acquisitions)",
        "",
        "| format | write_case_summary, s | render, s | sign, s | first call (cold), s | size | pages | <= 3 s |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for fmt, label in (("pdf", "PDF/A-1b, PAdES signed"), ("docx", "DOCX")):
        s = summary[fmt]
        render = f"{s['render']:.2f}"
        sign = f"{s['sign']:.2f}" if fmt == "pdf" else "—"
        lines.append(f"| {label} | {s['median']:.2f} | {render} | {sign} | {s['warm']:.2f} | "
                     f"{s['size'] / 1e3:.0f} KB | {s['pages'] or '—'} | {ok(s['median'] <= 3.0)} |")
    lines += [
        "",
        "write_case_summary is timed whole: gathering the case in one transaction, building the document, "
        "rendering, signing (PDF), writing through a hidden file with fsync, registering and auditing. "
        "The rest of the PDF time beyond render + sign is the gathering, the register and the file.",
        "",
        f"### Bundle with a {args.size_mib} MiB recording of random bytes (page cache warm)",
        "",
        "| what | seconds | MB/s | throughput vs sha256sum | >= 0.8x |",
        "|---|---:|---:|---:|---|",
        f"| `sha256sum SRC` (floor) | {floor:.2f} | {mb / floor:.0f} | 1.00 | |",
        f"| `cat SRC > DST && sha256sum DST` | {med['cat']:.2f} | {mb / med['cat']:.0f} | "
        f"{floor / med['cat']:.2f} | |",
        f"| `cat SRC > DST && sync DST && sha256sum DST` | {med['cat_sync']:.2f} | {mb / med['cat_sync']:.0f} | "
        f"{floor / med['cat_sync']:.2f} | |",
    ]
    for kind, label in (("folder", "folder"), ("zip", "zip (stored)"), ("aes", "AES-256 zip")):
        whole, bundle_only = med[kind], med_inner[kind]
        lines.append(f"| export_bundle, {label}: whole | {whole:.2f} | {mb / whole:.0f} | {floor / whole:.2f} | "
                     f"{ok(floor / whole >= 0.8)} |")
        lines.append(f"| export_bundle, {label}: write_bundle only | {bundle_only:.2f} | {mb / bundle_only:.0f} | "
                     f"{floor / bundle_only:.2f} | {ok(floor / bundle_only >= 0.8)} |")
    lines += [
        "",
        "The folder bundle copies and hashes the recording in one pass and fsyncs it; a zip is written in "
        "one pass and then its SHA-256 (the register's) is taken from the finished file, a second read. "
        "\"whole\" adds rendering and signing both summaries and registering; the bundle is deleted after "
        "each run.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
