"""The `users` command: accounts, roles and passwords."""
from __future__ import annotations

import json

from barnahus_app import policy
from barnahus_app.cli_support import (
    EXIT_OK, UsageError, check_rotation_target, credentials, deliver_recovery_key, new_password, open_session,
    opening, report_failures, rotate_key,
)
from barnahus_app.files import check_destination


def cmd_users(args) -> int:
    if args.rotate and args.action != "disable":
        raise UsageError("--rotate goes with 'users disable NAME'.")
    if args.new_recovery_key_file and not args.rotate:
        raise UsageError("--new-recovery-key-file goes with --rotate.")
    check_rotation_target(args.new_recovery_key_file)  # before unlocking
    with open_session(args) as s:
        report_failures(s)
        if args.action == "list":
            rows = s.list_users()
            if args.json:
                print(json.dumps(rows, indent=1))
            for u in ([] if args.json else rows):
                state = "active" if u["active"] else "disabled"
                print(f"{u['username']:<20} {state:<9} {','.join(u['roles']):<35} {u['display_name']}")
            return EXIT_OK
        if not args.name:
            raise UsageError(f"'users {args.action}' needs the user name.")
        if args.action == "add":
            roles = _roles(args)
            uid = s.add_user(args.name, args.display_name or args.name, roles, new_password(args, args.name))
            print(f"Added user '{args.name}' (id {uid}) with roles {', '.join(roles)}.")
        elif args.action == "disable":
            s.set_active(args.name, False)
            print(f"Disabled '{args.name}'; their key slot was removed, and they were taken out of "
                  "every sealed section they held.")
            if args.rotate:
                rotate_key(s, args.new_recovery_key_file)
            else:
                print("Copies of the key file made before now (in backups) still open the record with "
                      f"'{args.name}'s password until the record key is rotated: run this with --rotate, "
                      "or 'barnahus rotate-key'.")
        elif args.action == "enable":
            new = new_password(args, args.name)
            s.set_active(args.name, True)
            s.reset_password(args.name, new)
            print(f"Enabled '{args.name}' with a new password.")
        elif args.action == "set-roles":
            roles = _roles(args)
            s.set_roles(args.name, roles)
            print(f"'{args.name}' now has roles {', '.join(roles)}.")
        elif args.action == "passwd":
            if args.name.strip().casefold() == s.username:
                if "password" not in (creds := credentials(args)):
                    raise UsageError("To change your own password, unlock with your password.")
                s.change_own_password(creds["password"], new_password(args, args.name))
            else:
                s.reset_password(args.name, new_password(args, args.name))
            print(f"Password of '{args.name}' changed.")
    return EXIT_OK


def cmd_sections(args) -> int:
    """`barnahus sections recovery-key SECTION`: a new recovery key for a sealed section."""
    out = args.new_recovery_key_file
    if out:
        check_destination(out, "--new-recovery-key-file")   # before unlocking
    with open_session(args) as s:
        report_failures(s)
        s.new_section_recovery_key(args.section, lambda text: deliver_recovery_key(text, out))
    print(f"The previous recovery key of section {args.section} no longer opens it.")
    return EXIT_OK


def add_sections(sub) -> None:
    sp = sub.add_parser("sections", help="sealed sections: a new recovery key for one (a holder of its key)")
    opening(sp)
    sp.add_argument("action", choices=["recovery-key"])
    sp.add_argument("section", choices=list(policy.SECTIONS))
    sp.add_argument("--new-recovery-key-file", help="write the new recovery key here (owner-only)")
    sp.set_defaults(func=cmd_sections)


def _roles(args) -> list[str]:
    if not args.roles:
        raise UsageError("Give --roles, e.g. --roles coordinator,interviewer.")
    return [r for r in args.roles.split(",") if r.strip()]


def add_users(sub) -> None:
    sp = sub.add_parser("users", help="list, add, disable, enable users; set roles; change passwords")
    opening(sp)
    sp.add_argument("action", choices=["list", "add", "disable", "enable", "set-roles", "passwd"])
    sp.add_argument("name", nargs="?", help="the user acted on")
    sp.add_argument("--roles", help="comma-separated: " + ",".join(r.value for r in policy.Role))
    sp.add_argument("--display-name")
    sp.add_argument("--new-password-file", help="read the new password from this file")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--rotate", action="store_true",
                    help="with disable: also replace the record key, so old copies of the key file "
                         "no longer open the record with that user's password")
    sp.add_argument("--new-recovery-key-file", help="with --rotate: write the new recovery key here (owner-only)")
    sp.set_defaults(func=cmd_users)
