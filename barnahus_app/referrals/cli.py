"""The `referrals` command: referrals you may read, by status or overdue. Case references, codes
and dates only: no names (of children, staff or agencies) and no free text."""
from __future__ import annotations

import json

from barnahus_app.cli_support import EXIT_OK, date_arg, open_session, opening, report_failures
from barnahus_app.referrals.tables import STATUSES

# What the command shows of a referral (referrals() returns more: the agency's name among it).
COLUMNS = ("id", "case_reference", "direction", "service", "status", "due_on", "overdue", "sent_on",
           "closed_on", "outcome", "outcome_reason")


def cmd_referrals(args) -> int:
    from barnahus_app.followup.actions import local_today
    as_of = date_arg(args.as_of, "--as-of") if args.as_of else None   # before unlocking
    with open_session(args) as s:
        report_failures(s)
        as_of = as_of or local_today(s.centre_zone())
        rows = [{k: r[k] for k in COLUMNS} for r in s.referrals(status=args.status, overdue=args.overdue,
                                                                 as_of=as_of)]
    if args.json:
        print(json.dumps({"as_of": as_of.isoformat(), "status": args.status, "overdue": args.overdue,
                          "referrals": rows}, indent=1))
        return EXIT_OK
    print(f"{'id':>6} {'case':<15} {'dir':<4} {'service':<20} {'status':<18} {'due':<11} overdue")
    for r in rows:
        print(f"{r['id']:>6} {r['case_reference']:<15} {r['direction']:<4} {r['service']:<20} {r['status']:<18} "
              f"{r['due_on'] or '-':<11} {'yes' if r['overdue'] else ''}")
    print(f"{len(rows)} referral(s) as of {as_of.isoformat()}")
    return EXIT_OK


def add_referrals(sub) -> None:
    sp = sub.add_parser("referrals", help="referrals between agencies, by status or overdue")
    opening(sp)
    sp.add_argument("--status", choices=STATUSES, help="only referrals with this status")
    sp.add_argument("--overdue", action="store_true", help="only open referrals past their due date")
    sp.add_argument("--as-of", help="the date to judge overdue from (default: today in the centre)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_referrals)
