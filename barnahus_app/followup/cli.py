"""The `reminders` command."""
from __future__ import annotations

import json

from barnahus_app.cli_support import EXIT_OK, date_arg, open_session, opening, report_failures


def cmd_reminders(args) -> int:
    from barnahus_app.followup.actions import reminders_as_json
    as_of = date_arg(args.as_of, "--as-of")
    with open_session(args) as s:
        report_failures(s)
        rows = reminders_as_json(s.reminders(as_of))
    if args.json:
        print(json.dumps({"as_of": as_of.isoformat(), "reminders": rows}, indent=1))
        return EXIT_OK
    print(f"{'due':<11} {'':<9} {'case':<15} kind")
    for r in rows:
        print(f"{r['due']:<11} {r['bucket'].replace('_', ' '):<9} {r['case_reference'] or '-':<15} {r['kind']}"
              + (f" ({r['subject_kind']})" if r["subject_kind"] else ""))
    print(f"{len(rows)} reminder(s) as of {as_of.isoformat()}")
    return EXIT_OK


def add_reminders(sub) -> None:
    sp = sub.add_parser("reminders", help="follow-up reminders you may see, as of a date")
    opening(sp)
    sp.add_argument("--as-of", help="the date to judge from (default: today)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_reminders)
