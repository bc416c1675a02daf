"""Benchmark: SHA-256 of recordings (issue 4) and of bundle payloads (issue 6) against sha256sum.

    python bench/bench_hashing.py [--size-mib 2048] [--repeats 3] [--out bench/hashing_results.md]

Writes one file of random bytes (not sparse: holes read faster than any real recording) under
.bench/, then, alternating so both see the same page-cache state:

- floor: `sha256sum FILE` (GNU coreutils), wall time;
- ours: barnahus_app.recordings.hashing.sha256_file(FILE) with a progress callback and a cancel check, as
  register_recording and check_fixity call it;
- floor for copying: `cp FILE DEST && sha256sum DEST` is not the floor of a one-pass copy; we
  compare ours-with-copy (hash while copying, as a bundle copies a recording) against
  `cat FILE > DEST` plus sha256sum, i.e. what a careful person would run by hand.

Reports MB/s and the ratio ours/sha256sum as throughput (1.0 = as fast; target >= 0.8).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barnahus_app.recordings import hashing  # noqa: E402


def make_file(path: Path, mib: int) -> None:
    if path.exists() and path.stat().st_size == mib * 1024 * 1024:
        return
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as f:
        for i in range(mib):
            # vary each block cheaply so nothing can dedupe or compress it
            f.write(i.to_bytes(8, "little") + block[8:])
    os.sync()


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=2048)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "hashing_results.md"))
    args = ap.parse_args(argv)
    work = ROOT / ".bench" / "hashing"
    work.mkdir(parents=True, exist_ok=True)
    src = work / f"random-{args.size_mib}MiB.bin"
    make_file(src, args.size_mib)
    copy = work / "copy.bin"
    expected = subprocess.run(["sha256sum", str(src)], capture_output=True, text=True, check=True).stdout.split()[0]
    calls = {"n": 0}

    def progress(done, total):
        calls["n"] += 1

    def ours():
        digest, _ = hashing.sha256_file(src, progress, lambda: False)
        assert digest == expected

    def floor():
        subprocess.run(["sha256sum", str(src)], capture_output=True, check=True)

    def ours_copy():
        copy.unlink(missing_ok=True)
        digest, _ = hashing.sha256_file(src, progress, lambda: False, copy_to=copy)
        assert digest == expected

    def floor_copy():
        copy.unlink(missing_ok=True)
        subprocess.run(f"cat '{src}' > '{copy}' && sync '{copy}' && sha256sum '{copy}'", shell=True,
                       capture_output=True, check=True)

    floor()  # warm the page cache once
    t = {"sha256sum": [], "ours": [], "floor_copy": [], "ours_copy": []}
    for _ in range(args.repeats):
        t["sha256sum"].append(timed(floor))
        t["ours"].append(timed(ours))
        t["floor_copy"].append(timed(floor_copy))
        t["ours_copy"].append(timed(ours_copy))
    copy.unlink(missing_ok=True)
    mb = args.size_mib * 1024 * 1024 / 1e6
    med = {k: statistics.median(v) for k, v in t.items()}
    lines = [
        f"Hashing a {args.size_mib} MiB file of random bytes (page cache warm), median of {args.repeats}; "
        f"{os.cpu_count()} cores.",
        "",
        "| what | seconds | MB/s | throughput vs floor |",
        "|---|---:|---:|---:|",
        f"| sha256sum (floor) | {med['sha256sum']:.2f} | {mb / med['sha256sum']:.0f} | 1.00 |",
        f"| hashing.sha256_file (register, fixity) | {med['ours']:.2f} | {mb / med['ours']:.0f} | "
        f"{med['sha256sum'] / med['ours']:.2f} |",
        f"| cat > copy; sync; sha256sum copy (floor) | {med['floor_copy']:.2f} | {mb / med['floor_copy']:.0f} | 1.00 |",
        f"| hashing.sha256_file(copy_to=) (bundle copy, fsync) | {med['ours_copy']:.2f} | "
        f"{mb / med['ours_copy']:.0f} | {med['floor_copy'] / med['ours_copy']:.2f} |",
        "",
        f"Progress callbacks: {calls['n'] // (2 * args.repeats)} per pass (one per 4 MiB read).",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
