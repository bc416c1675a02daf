"""Who holds which sealed section's key (record/sections.py), as accounts and roles change.

Plain functions, each inside the caller's transaction, each change audited there:
- unlock: at login, the user's private key unseals the sections sealed to it; a section nobody
  holds yet is created by the first user it is granted to (and the plaintext it takes over from
  an older schema moved into it); a granted section they lack is asked for; and the requests
  others left (seal the key to a new holder, re-key after someone lost it) are completed;
- grant: a user newly holding a section's grant gets the key now if the acting user holds it,
  else a request the next holder's unlock completes;
- revoke: a user losing a section loses their seal, and the section is re-keyed now if the
  acting user holds it, else at the next holder's unlock.
Audit entries name the section and the user, never a key or content.
"""
from __future__ import annotations

from sqlalchemy import select

from barnahus_app import audit, policy
from barnahus_app.record import sections
from barnahus_app.record.keyslots import KeyFile
from barnahus_app.record.sections import SectionKeys
from barnahus_app.users.accounts import section_holders
from barnahus_app.users.tables import User


def _note(conn, actor: tuple[int | None, str | None], action: str, section: str, user: str | None = None,
          **more) -> None:
    detail = {"section": section, **({"user": user} if user else {}), **more}
    audit.append(conn, actor[0], actor[1], action, "section", None, detail)


def unlock(conn, keyfile: KeyFile, actor: tuple[int, str], roles, private) -> tuple[SectionKeys, dict[str, str]]:
    """(the keys this user holds, {section: recovery key to show once} for sections this unlock
    created). private: the user's X25519 private key (None when unlocked with the record's
    recovery key: then no section opens)."""
    username = actor[1]
    keys = SectionKeys(sections.unseal_held(conn, username, private) if private is not None else {})
    created: dict[str, str] = {}
    if private is None:
        return keys, created
    for section in policy.sections_of(roles):
        if keys.holds(section):
            continue
        if not sections.exists(conn, section):
            eligible = section_holders(conn, keyfile, section)
            key, recovery = sections.create(conn, section, eligible)
            moved = sections.move_plaintext(conn, section, key)
            keys.set(section, key)
            created[section] = recovery
            _note(conn, actor, "section.created", section, holders=len(eligible),
                  values_moved=moved)
        else:
            sections.remove_holder(conn, section, username)   # a seal for an older key pair
            if sections.request(conn, section, username, sections.SEAL, username):
                _note(conn, actor, "section.key_requested", section, username)
    for section, _ in keys.items():
        complete_requests(conn, keyfile, keys, actor, section)
    return keys, created


def complete_requests(conn, keyfile: KeyFile, keys: SectionKeys, actor, section: str) -> None:
    """Do what the section's open requests ask, as a holder of its key."""
    pending = sections.requests(conn, section)
    if not pending:
        return
    eligible = section_holders(conn, keyfile, section)
    if any(r.kind == sections.REKEY for r in pending):
        lost = sorted({r.username for r in pending if r.kind == sections.REKEY})
        keys.set(section, sections.rekey(conn, section, keys.key(section), eligible))
        _note(conn, actor, "section.rekeyed", section, holders=len(eligible), after_losing=lost)
    for r in sections.requests(conn, section):
        sections.drop_request(conn, r.id)
        if r.username in eligible:
            sections.seal_to(conn, section, keys.key(section), r.username, eligible[r.username])
            _note(conn, actor, "section.key_sealed", section, r.username)


def grant(conn, keys: SectionKeys, actor, username: str, public, section_names) -> None:
    """username (public: their slot's public key) now holds the grant of section_names."""
    for section in section_names:
        if not sections.exists(conn, section):
            continue   # its first holder's unlock creates it, sealed to everyone granted it
        if keys.holds(section) and public is not None:
            sections.seal_to(conn, section, keys.key(section), username, public)
            sections.drop_requests_of(conn, section, username)
            _note(conn, actor, "section.key_sealed", section, username)
        else:
            sections.remove_holder(conn, section, username)
            if sections.request(conn, section, username, sections.SEAL, actor[1]):
                _note(conn, actor, "section.key_requested", section, username)


def revoke(conn, keyfile: KeyFile, keys: SectionKeys, actor, username: str, section_names) -> None:
    """username no longer holds section_names (their roles or account already changed in conn):
    their seal goes, and each section is re-keyed, now if the actor holds it, else by request."""
    for section in section_names:
        sections.drop_requests_of(conn, section, username)
        sections.remove_holder(conn, section, username)
        if not sections.exists(conn, section):
            continue
        if keys.holds(section):
            eligible = section_holders(conn, keyfile, section)
            keys.set(section, sections.rekey(conn, section, keys.key(section), eligible))
            _note(conn, actor, "section.rekeyed", section, holders=len(eligible), after_losing=[username])
        elif sections.request(conn, section, username, sections.REKEY, actor[1]):
            _note(conn, actor, "section.rekey_requested", section, username)


def granted_sections(conn, username: str, roles) -> list[str]:
    """The sections roles grant, if username's account is active (else none)."""
    active = conn.execute(select(User.active).where(User.username == username)).scalar()
    return policy.sections_of(roles) if active else []
