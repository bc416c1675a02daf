"""The `assessments` command: a case's administrations of screening instruments, for therapists
(others get the permission error). Codes, versions, dates, ids, scores and bands, and what was
done about a screen at or above its cut-off. No answers, no free text (the reason an assessment
was not done) and no names."""
from __future__ import annotations

import json

from barnahus_app.cli_support import EXIT_OK, open_session, opening, report_failures

FACTS = ("id", "child_person_id", "instrument", "version", "time_point", "respondent", "administered_on",
         "scores", "bands", "screen_value", "screen_band", "at_or_above_cutoff", "resolution", "referral_id",
         "resolved_on")


def _number(value) -> str:
    return "-" if value is None else f"{value:g}"


def cmd_assessments(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        case_id = s.case_id_for_reference(args.case)
        rows = [{k: a[k] for k in FACTS} for a in s.case_assessments(case_id)]
    if args.json:
        print(json.dumps({"case": args.case, "administrations": rows}, indent=1, ensure_ascii=False))
        return EXIT_OK
    for a in rows:
        prompt = ""
        if a["at_or_above_cutoff"]:
            prompt = f"  at or above the cut-off: {a['resolution'] or 'not resolved yet'}"
        print(f"{a['id']:>5}  {a['administered_on']}  {a['instrument']} v{a['version']:<3} {a['time_point']:<17} "
              f"{a['respondent']:<6} screen {_number(a['screen_value']):>4} {a['screen_band'] or '-'}{prompt}")
    print(f"{len(rows)} administration(s) in case {args.case}")
    return EXIT_OK


def add_assessments(sub) -> None:
    sp = sub.add_parser("assessments", help="a case's screening instruments and scores (therapists)")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_assessments)
