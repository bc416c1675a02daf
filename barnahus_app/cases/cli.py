"""The `cases` and `export-case` commands."""
from __future__ import annotations

import json

from barnahus_app.cli_support import (
    EXIT_OK, open_session, opening, report_failures,
)
from barnahus_app.fields import check_count
from barnahus_app.files import check_destination, write_file_safely


def cmd_cases(args) -> int:
    from barnahus_app.cases.actions import CaseFilter
    check_count("--offset", args.offset)  # before unlocking: a refused command leaves no audit entry
    with open_session(args) as s:
        report_failures(s)
        flt = CaseFilter(text=args.search, status=args.status, year=args.year,
                         emergency=True if args.emergency else None)
        page = s.list_cases(flt, limit=args.limit, offset=args.offset)
    if args.json:
        print(json.dumps({"total": page.total, "offset": page.offset, "cases": page.rows}, indent=1,
                         ensure_ascii=False))
        return EXIT_OK
    print(f"{'reference':<15} {'status':<9} {'received (UTC)':<17} {'case lead':<24} emergency")
    for r in page.rows:
        print(f"{r['reference']:<15} {r['status']:<9} {r['referral_received_at'][:16].replace('T', ' '):<17} "
              f"{(r['case_lead_name'] or '')[:24]:<24} {'YES' if r['emergency'] else ''}")
    print(f"{len(page.rows)} of {page.total} case(s)")
    return EXIT_OK


def cmd_export_case(args) -> int:
    check_destination(args.out)  # before unlocking: a refused command leaves no audit entry
    with open_session(args) as s:
        report_failures(s)
        data = s.export_case(args.case)
    write_file_safely(args.out, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"Wrote case {args.case} to {args.out} (readable by you only; it holds case content).")
    return EXIT_OK


def add_cases(sub) -> None:
    sp = sub.add_parser("cases", help="list cases")
    opening(sp)
    sp.add_argument("--search", help="words in the reference, references or names")
    sp.add_argument("--status")
    sp.add_argument("--year", type=int)
    sp.add_argument("--emergency", action="store_true")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--offset", type=int, default=0)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_cases)


def add_export_case(sub) -> None:
    sp = sub.add_parser("export-case", help="write one case as JSON, for moving it to another system")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--out", required=True, help="a new file to write")
    sp.set_defaults(func=cmd_export_case)
