"""The `fixity` command."""
from __future__ import annotations

import sys

from barnahus_app.cli_support import (
    EXIT_CHECK_FAILED, EXIT_OK, open_session, opening, report_failures,
)
from barnahus_app.fields import check_count


def cmd_fixity(args) -> int:
    def progress(done, total):
        if sys.stderr.isatty() and total:
            print(f"\r{done * 100 // total}%", end="", file=sys.stderr, flush=True)

    check_count("--recording", args.recording, low=1)  # before unlocking: no audit entry if refused
    with open_session(args) as s:
        report_failures(s)
        result = s.check_fixity(args.recording, args.path, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if result.ok:
        print(f"recording {result.evidence_id}: unaltered (SHA-256 {result.expected_sha256}) at {result.checked_path}")
        return EXIT_OK
    what = "FILE NOT FOUND" if result.status == "missing" else "CONTENTS DIFFER"
    print(f"recording {result.evidence_id}: FIXITY CHECK FAILED, {what} at {result.checked_path}\n"
          f"  registered SHA-256: {result.expected_sha256}\n  found SHA-256:      {result.computed_sha256 or '-'}\n"
          "  The stored hash was not changed; a custody event records this.", file=sys.stderr)
    return EXIT_CHECK_FAILED


def add_fixity(sub) -> None:
    sp = sub.add_parser("fixity", help="re-hash a recording where it is kept and compare (exit 1 if altered)")
    opening(sp)
    sp.add_argument("--recording", type=int, required=True, help="recording number")
    sp.add_argument("--path", help="check this copy instead of the registered storage location")
    sp.set_defaults(func=cmd_fixity)
