"""The `meetings` command: MDT meetings in a date range (no case content, no names of children)."""
from __future__ import annotations

import json

from barnahus_app.cli_support import EXIT_OK, date_arg, open_session, opening, report_failures
from barnahus_app.timeutil import zone_span_text


def cmd_meetings(args) -> int:
    start = date_arg(args.from_date, "--from")
    end = date_arg(args.to_date, "--to") if args.to_date else start
    with open_session(args) as s:
        report_failures(s)
        rows = s.meetings(start, end)
        zone = s.centre_zone()
    if args.json:
        print(json.dumps({"from": start.isoformat(), "to": end.isoformat(), "meetings": rows}, indent=1,
                         ensure_ascii=False))
        return EXIT_OK
    for m in rows:
        place = m["room_name"] or "Remote"
        if m["room_name"] and m["remote"]:
            place += " + remote"
        print(f"{m['id']:>5}  {zone_span_text(m['starts_at_utc'], m['ends_at_utc'], zone):<40} "
              f"{m['kind']:<22} {m['status']:<9} {m['items']:>3} case(s)  {place}  chair: {m['chair_name']}")
    print(f"{len(rows)} meeting(s) from {start.isoformat()} to {end.isoformat()}")
    return EXIT_OK


def add_meetings(sub) -> None:
    sp = sub.add_parser("meetings", help="MDT meetings in a date range (no case content)")
    opening(sp)
    sp.add_argument("--from", dest="from_date", help="first day (default: today)")
    sp.add_argument("--to", dest="to_date", help="last day (default: the first day)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_meetings)
