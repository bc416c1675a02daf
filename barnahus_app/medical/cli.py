"""The `medical` command: a case's medical examinations with their sealed detail, for medical staff
(the policy's "medical" read grant; every other role gets the permission error, before anything
is read). Each examination with its findings, tests, reviews, samples (with custody) and images
(hash and custody; the file stays where the examiner keeps it)."""
from __future__ import annotations

import json

from barnahus_app import policy
from barnahus_app.cli_support import EXIT_OK, open_session, opening, report_failures
from barnahus_app.timeutil import zone_span_text


def cmd_medical(args) -> int:
    with open_session(args) as s:
        policy.require(s.roles, "medical", "read")   # medical staff only: the detail is theirs
        report_failures(s)
        case_id = s.case_id_for_reference(args.case)
        rows = s.case_examinations(case_id)
        for x in rows:
            active = x["status"] not in ("cancelled", "declined")
            x["samples"] = s.examination_samples(x["id"]) if active else []
            x["images"] = s.examination_images(x["id"]) if active else []
    if args.json:
        print(json.dumps({"case": args.case, "examinations": rows}, indent=1, ensure_ascii=False))
        return EXIT_OK
    for x in rows:
        span = zone_span_text(x["starts_at_utc"], x["ends_at_utc"], x["time_zone"])
        print(f"{x['id']:>5}  {span:<40} {x['kind']:<26} {x['status']:<9} {x['room_name'] or 'No room'}  "
              f"examiner: {x['examiner_name']}" + (f"  outcome: {x['released_outcome']}" if x["released_outcome"]
                                                    else ""))
        d = x["detail"]
        if d is None:
            print("       (the medical section's key is not held: no detail)")
            continue
        for f in d["findings"]:
            review = "  needs expert review" if f["needs_expert_review"] else ""
            print(f"       finding {f['item_code']} (group {f['category']}, {f['table_version']}) at {f['site']}"
                  f"{review}" + (f": {f['description']}" if f["description"] else ""))
        for t in d["tests"]:
            print(f"       test {t['kind']} ordered {t['ordered_on']}: {t['result_status']}"
                  + (f" {t['received_on']}" if t["received_on"] else ""))
        for r in d["reviews"]:
            print(f"       reviewed {r['reviewed_on']}: {'agrees' if r['agrees'] else 'does not agree'}")
        for smp in x["samples"]:
            last = smp["custody"][-1]["event"] if smp["custody"] else ""
            print(f"       sample {smp['kit_id']} ({smp['sample_type']}), seal {smp['seal_number'] or '-'}: {last}")
        for im in x["images"]:
            print(f"       image {im['id']} sha256 {im['sha256']} ({im['size_bytes']} bytes), "
                  f"fixity {im['fixity_status']}")
        if d["notes"]:
            print(f"       notes: {' '.join(d['notes'].split())}")
    print(f"{len(rows)} examination(s) in case {args.case}")
    return EXIT_OK


def add_medical(sub) -> None:
    sp = sub.add_parser("medical", help="a case's medical examinations with their detail (medical staff)")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_medical)
