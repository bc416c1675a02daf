"""The `medical` command: a case's medical examinations, for medical staff (others get the
permission error). Codes, dates and ids: the finding items, sites, tests and their status, the
reviews. No free text (descriptions, notes, the statement, results, comments) and no names."""
from __future__ import annotations

import json

from barnahus_app.cli_support import EXIT_OK, open_session, opening, report_failures
from barnahus_app.timeutil import zone_span_text

FACTS = ("id", "kind", "status", "starts_at_utc", "ends_at_utc", "time_zone", "commissioned_by", "priority",
         "acute", "agreement_child", "agreement_guardian", "released_outcome", "samples_handed_to_police",
         "told_result_on", "statement_written", "statement_released_for")


def _codes(x: dict) -> dict:
    d = x["detail"]
    return {**{k: x[k] for k in FACTS},
            "findings": [{k: f[k] for k in ("id", "table_version", "item_code", "category", "needs_expert_review",
                                            "site")} for f in d["findings"]],
            "tests": [{k: t[k] for k in ("id", "kind", "ordered_on", "prophylaxis", "result_status", "received_on")}
                      for t in d["tests"]],
            "reviews": [{k: r[k] for k in ("id", "reviewed_on", "agrees")} for r in d["reviews"]],
            "needs_review": d["needs_review"], "notes_written": d["notes"] is not None}


def cmd_medical(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        case_id = s.case_id_for_reference(args.case)
        rows = [_codes(x) for x in s.case_medical(case_id)]
        zone = s.centre_zone()
    if args.json:
        print(json.dumps({"case": args.case, "examinations": rows}, indent=1, ensure_ascii=False))
        return EXIT_OK
    for x in rows:
        print(f"{x['id']:>5}  {zone_span_text(x['starts_at_utc'], x['ends_at_utc'], zone):<40} {x['kind']:<26} "
              f"{x['status']:<9} {'acute' if x['acute'] else '':<5} outcome: {x['released_outcome'] or '-'}")
        for f in x["findings"]:
            print(f"       finding {f['item_code']:<6} group {f['category'] or '?'}  {f['site']}"
                  f"{'  (needs review)' if f['needs_expert_review'] else ''}")
        for t in x["tests"]:
            print(f"       test {t['kind']:<10} ordered {t['ordered_on']}  {t['result_status']}")
        if x["needs_review"]:
            print("       waiting for an expert review")
    print(f"{len(rows)} examination(s) in case {args.case}")
    return EXIT_OK


def add_medical(sub) -> None:
    sp = sub.add_parser("medical", help="a case's medical examinations (medical staff)")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_medical)
