"""The user table's rules, below the session and every feature: what a user name and a password
must be, and finding a user and their roles."""
from __future__ import annotations

import re

from sqlalchemy import Connection, select, update

from barnahus_app import policy
from barnahus_app.errors import ValidationError
from barnahus_app.record.keyslots import KeyFile, normalise_username
from barnahus_app.users.tables import User, UserRole

USERNAME = re.compile(r"^[\w.\-]{1,64}$")
PASSWORD_MIN, PASSWORD_MAX = 10, 1024


def check_username(name: str) -> str:
    n = normalise_username(name or "")
    if not USERNAME.match(n):
        raise ValidationError("user name", "use 1 to 64 letters, digits, dots, hyphens or underscores.")
    return n


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < PASSWORD_MIN:
        raise ValidationError("password", f"must be at least {PASSWORD_MIN} characters long.")
    if len(password) > PASSWORD_MAX:
        raise ValidationError("password", f"must be at most {PASSWORD_MAX} characters long.")
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, e.g. from a terminal in another encoding
        raise ValidationError("password", "contains characters that are not valid text; check "
                                          "the keyboard or terminal encoding.") from None
    return password


def user_roles(conn: Connection, user_id: int) -> list[str]:
    return sorted(r for (r,) in conn.execute(
        select(UserRole.role).where(UserRole.user_id == user_id)))


def find_user(conn: Connection, username: str):
    return conn.execute(select(User.__table__).where(User.username == normalise_username(username))).first()


def set_user_active(conn: Connection, user_id: int, active: bool) -> None:
    conn.execute(update(User.__table__).where(User.id == user_id).values(active=active))


def section_holders(conn: Connection, keyfile: KeyFile, section: str) -> dict:
    """{username: public key} of every active user whose roles grant section and who has a key
    slot: whom a section's key is sealed to (record/sections.py)."""
    roles: dict[int, list[str]] = {}
    for uid, role in conn.execute(select(UserRole.user_id, UserRole.role)):
        roles.setdefault(uid, []).append(role)
    out = {}
    for uid, username in conn.execute(select(User.id, User.username).where(User.active.is_(True))):
        public = keyfile.public_key(username) if policy.section_granted(roles.get(uid, []), section) else None
        if public is not None:
            out[username] = public
    return out
