"""The `rooms` and `ics` commands."""
from __future__ import annotations

from barnahus_app.cli_support import (
    EXIT_OK, date_arg, open_session, opening, report_failures,
)
from barnahus_app.files import check_destination, write_file_safely


def cmd_rooms(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        if args.add:
            rid = s.create_room(args.add, args.kind)
            print(f"Added room {rid}: {args.add}.")
            return EXIT_OK
        for r in s.list_rooms(include_retired=True):
            print(f"{r['id']:>4}  {r['kind']:<12} {'' if r['active'] else '(retired) '}{r['name']}")
    return EXIT_OK


def cmd_ics(args) -> int:
    start = date_arg(args.from_date, "--from")
    end = date_arg(args.to_date, "--to") if args.to_date else start
    check_destination(args.out)  # before unlocking: a refused command leaves no audit entry
    with open_session(args) as s:
        report_failures(s)
        data = s.calendar_ics(start, end, args.time_zone or s.centre_zone(), only_mine=args.mine)
    write_file_safely(args.out, data)
    print(f"Wrote {data.count(b'BEGIN:VEVENT')} booking(s) from {start} to {end} to {args.out} "
          "(case references and rooms only).")
    return EXIT_OK


def add_rooms(sub) -> None:
    sp = sub.add_parser("rooms", help="list the centre's rooms, or add one (administrator)")
    opening(sp)
    sp.add_argument("--add", metavar="NAME", help="add a room with this name")
    sp.add_argument("--kind", default="interview", help="room kind (default: %(default)s)")
    sp.set_defaults(func=cmd_rooms)


def add_ics(sub) -> None:
    sp = sub.add_parser("ics", help="export bookings as an iCalendar file (case references only)")
    opening(sp)
    sp.add_argument("--from", dest="from_date", help="first day (default: today)")
    sp.add_argument("--to", dest="to_date", help="last day (default: the first day)")
    sp.add_argument("--time-zone", help="the calendar's time zone (default: the centre's, a record setting)")
    sp.add_argument("--mine", action="store_true", help="only bookings you lead or take part in")
    sp.add_argument("--out", required=True, help="the .ics file to write")
    sp.set_defaults(func=cmd_ics)
