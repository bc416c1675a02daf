"""The `justice` command: a case's proceedings and compensation claims, for the roles that read
the justice track; every other case role gets its summary line (justice_status). Codes, dates,
amounts and ids: no names and no free text (no reason of a declined decision, no words of the
child, no representative)."""
from __future__ import annotations

import json

from barnahus_app.cli_support import EXIT_OK, open_session, opening, report_failures

EVENT = ("kind", "on_date", "at_utc", "time_zone", "decision", "charge_id", "outcome")
CLAIM = ("id", "route", "claimant", "status", "currency", "amount_claimed", "amount_awarded", "amount_paid",
         "filed_on", "decided_on", "paid_on", "deadline_on", "deadline_due", "proceeding_id")


def _codes(summary: dict) -> dict:
    procs = []
    for p in summary["proceedings"]:
        part = p["child_part"]
        procs.append({
            "id": p["id"], "kind": p["kind"], "status": p["status"], "closed_on": p["closed_on"],
            "offence_id": p["offence_id"], "events": [{k: e[k] for k in EVENT} for e in p["events"]],
            "charges": p["charges"], "participation": part["participation"],
            "special_measures": part["special_measures"], "child_view": part["child_view"],
            "release": p["release"], "release_wish": p["release_wish"], "limitation": p["limitation"]})
    return {"proceedings": procs, "claims": [{k: c[k] for k in CLAIM} for c in summary["claims"]],
            "rights_explained": [{"stage": r["stage"], "on": r["on"]} for r in summary["rights_explained"]]}


def cmd_justice(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        case_id = s.case_id_for_reference(args.case)
        if not s.can("justice", "read"):
            status = s.justice_status(case_id)
            print(json.dumps({"case": args.case, "counts": status["counts"]}, indent=1) if args.json
                  else f"{status['line']} (case {args.case})")
            return EXIT_OK
        out = _codes(s.justice_summary(case_id))
    if args.json:
        print(json.dumps({"case": args.case, **out}, indent=1, ensure_ascii=False))
        return EXIT_OK
    for p in out["proceedings"]:
        print(f"{p['id']:>5}  {p['kind']:<17} {p['status']:<18}"
              f"{'closed ' + p['closed_on'] if p['closed_on'] else ''}")
        for e in p["events"]:
            extra = e["decision"] or e["outcome"] or ""
            print(f"       {e['on_date']}  {e['kind']:<21} {extra}")
        wish = (p["release_wish"] or {}).get("wish")
        if p["release"]:
            r = p["release"]
            print(f"       release {r['release_on']}  "
                  + (f"informed {r['informed_on']}" if r["informed_on"] else
                     "not_wanted" if wish == "not_wanted" else f"inform by {r['inform_by']}"))
        elif wish:
            print(f"       release notification {wish}")
    for c in out["claims"]:
        amounts = "/".join("-" if c[k] is None else str(c[k]) for k in ("amount_claimed", "amount_awarded",
                                                                         "amount_paid"))
        print(f"claim {c['id']:>4}  {c['route']:<14} {c['status']:<21} {c['currency']} {amounts} "
              "(claimed/awarded/paid, minor units)")
    print(f"{len(out['proceedings'])} proceeding(s), {len(out['claims'])} claim(s) in case {args.case}")
    return EXIT_OK


def add_justice(sub) -> None:
    sp = sub.add_parser("justice", help="a case's proceedings and compensation claims")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_justice)
