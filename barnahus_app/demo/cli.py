"""The `demo` command: a record of fictional cases."""
from __future__ import annotations

import sys
from pathlib import Path

from barnahus_app import policy
from barnahus_app.cli_support import (
    EXIT_OK, UsageError, creating, deliver_recovery_key, remove_leftovers, secret,
)


def cmd_demo(args) -> int:
    from barnahus_app.demo.build import build_demo_record
    password = secret(args.password_file, "BARNAHUS_PASSWORD", "Password for every demo user: ",
                       "password", confirm=True)
    if not 1 <= args.cases <= 100_000:
        raise UsageError("--cases takes 1 to 100000.")
    remove_leftovers(args.record)   # an interrupted build's folder

    def progress(done, total):
        if sys.stderr.isatty():
            print(f"\r{done}/{total} cases", end="", file=sys.stderr, flush=True)

    key = build_demo_record(Path(args.record), args.admin, password, args.cases, args.seed,
                            progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Created demo record {args.record}: {args.cases} fictional cases (seed {args.seed}). "
          f"Users: {args.admin} (admin), " + ", ".join(r.value for r in policy.Role if r != policy.Role.ADMIN)
          + ", all with the password given.")
    deliver_recovery_key(key, args.recovery_key_file)
    return EXIT_OK


def add_demo(sub) -> None:
    sp = sub.add_parser("demo", help="create a record of fictional cases, one user per role")
    creating(sp)
    sp.add_argument("--cases", type=int, default=1000, help="how many cases (up to 100000)")
    sp.add_argument("--seed", type=int, default=1, help="same seed, same record")
    sp.set_defaults(func=cmd_demo)
