"""Accounts, roles and passwords (Session mixin)."""
from __future__ import annotations

import copy
from typing import Callable

from sqlalchemy import delete, func, insert, select, update

from barnahus_app import policy
from barnahus_app.errors import NotFound, ValidationError, WrongCredentials
from barnahus_app.fields import Text
from barnahus_app.record import sections
from barnahus_app.record.keyslots import new_slot, slot_public_key
from barnahus_app.users import section_grants
from barnahus_app.users.tables import User, UserRole
from barnahus_app.users.accounts import (
    check_password, check_username, find_user, set_user_active, user_roles,
)
from barnahus_app.timeutil import utc_now_iso
from barnahus_app.session_base import SessionBase

U = User.__table__


class UserActions(SessionBase):
    def list_users(self) -> list[dict]:
        self._authorize("user", "read")
        with self.record.transaction() as conn:
            rows = conn.execute(select(U).order_by(U.c.username)).all()
            roles = {}
            for uid, role in conn.execute(select(UserRole.user_id, UserRole.role)):
                roles.setdefault(uid, []).append(role)
            self._audit(conn, "user.list")
        return [{"id": r.id, "username": r.username, "display_name": r.display_name,
                 "active": r.active, "roles": sorted(roles.get(r.id, [])),
                 "has_key_slot": self.record.keyfile.has_user(r.username)} for r in rows]

    def users_with_role(self, role: str) -> list[dict]:
        """Active users holding a role: e.g. who can be a case lead."""
        self._authorize("user", "read")
        with self.record.transaction() as conn:
            rows = conn.execute(
                select(U.c.id, U.c.username, U.c.display_name).join(UserRole, UserRole.user_id == U.c.id)
                .where(UserRole.role == policy.Role(role).value, U.c.active.is_(True))
                .order_by(U.c.display_name)).all()
            self._audit(conn, "user.list", None, None, {"role": policy.Role(role).value})
        return [dict(r._mapping) for r in rows]

    def add_user(self, username: str, display_name: str, roles, password: str) -> int:
        self._authorize("user", "create")
        name = check_username(username)
        display = Text(200, required=True).clean("display name", display_name)
        role_list = policy.parse_roles(roles)
        if not role_list:
            raise ValidationError("roles", "give at least one role.")
        check_password(password)
        slot = new_slot(name, password, [self.record.key], self.record.kdf)  # before anything is written
        now = utc_now_iso()
        with self.record.transaction() as conn:
            if find_user(conn, name):
                raise ValidationError("user name", f"'{name}' is taken.")
            uid = conn.execute(insert(U).values(
                username=name, display_name=display, active=True, created_at=now,
                password_changed_at=now)).inserted_primary_key[0]
            conn.execute(insert(UserRole.__table__), [{"user_id": uid, "role": r.value} for r in role_list])
            self._audit(conn, "user.created", "user", uid, {"roles": [r.value for r in role_list]})
            section_grants.grant(conn, self.sections, self._actor(), name,
                                 slot_public_key(slot), policy.sections_of([r.value for r in role_list]))
        self.record.keyfile.set_slot(name, slot)
        self.record.keyfile.save()
        return uid

    def set_roles(self, username: str, roles) -> None:
        self._authorize("user", "update")
        role_list = policy.parse_roles(roles)
        if not role_list:
            raise ValidationError("roles", "give at least one role; disable the user instead.")
        with self.record.transaction() as conn:
            user = _user(conn, username)
            before = set(section_grants.granted_sections(conn, user.username, user_roles(conn, user.id)))
            conn.execute(delete(UserRole.__table__).where(UserRole.user_id == user.id))
            conn.execute(insert(UserRole.__table__), [{"user_id": user.id, "role": r.value} for r in role_list])
            _keep_an_admin(conn)
            self._audit(conn, "user.roles_set", "user", user.id, {"roles": [r.value for r in role_list]})
            after = set(section_grants.granted_sections(conn, user.username, [r.value for r in role_list]))
            kf = self.record.keyfile
            section_grants.revoke(conn, kf, self.sections, self._actor(), user.username, sorted(before - after))
            section_grants.grant(conn, self.sections, self._actor(), user.username,
                                 kf.public_key(user.username), sorted(after - before))
        if user.id == self.user_id:
            self.roles = sorted(r.value for r in role_list)
            for section in before - after:
                self.sections.drop(section)

    def set_active(self, username: str, active: bool) -> None:
        """Disable (or enable again) an account. Disabling also removes its key slot and takes
        the user out of every sealed section they held (re-keyed now if this user holds it, else
        at its next holder's unlock); enabling needs a new password (reset_password). Old copies
        of the key file still unlock the record key until it is rotated (rotate_record_key)."""
        self._authorize("user", "update")
        with self.record.transaction() as conn:
            user = _user(conn, username)
            held = section_grants.granted_sections(conn, user.username, user_roles(conn, user.id))
            set_user_active(conn, user.id, active)
            _keep_an_admin(conn)
            self._audit(conn, "user.enabled" if active else "user.disabled", "user", user.id)
            if not active:
                held = sorted(set(held) | {s for s, in conn.execute(
                    select(sections.K.c.section).where(sections.K.c.username == user.username))})
                section_grants.revoke(conn, self.record.keyfile, self.sections, self._actor(),
                                      user.username, held)
        if not active:
            self.record.keyfile.remove_slot(user.username)
            self.record.keyfile.save()

    def reset_password(self, username: str, new_password: str) -> None:
        """An administrator sets a new password for someone who forgot theirs (or for an account
        whose key file was lost). Makes a fresh key slot."""
        self._authorize("user", "update")
        check_password(new_password)
        with self.record.transaction() as conn:
            user = _user(conn, username)
            slot = new_slot(user.username, new_password, [self.record.key], self.record.kdf)
            conn.execute(update(U).where(U.c.id == user.id).values(password_changed_at=utc_now_iso()))
            self._audit(conn, "user.password_reset", "user", user.id)
            # A new key pair: the sections the user holds are sealed to it again (now, or by request).
            section_grants.grant(conn, self.sections, self._actor(), user.username,
                                 slot_public_key(slot), section_grants.granted_sections(
                                     conn, user.username, user_roles(conn, user.id)))
        self.record.keyfile.set_slot(user.username, slot)
        self.record.keyfile.save()

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """A new key pair for this user only (nobody else's slot is touched): the record key and
        every section key this session holds are sealed to its new public key, so a private key
        taken before the change opens nothing sealed after it."""
        if self.closed:
            raise ValidationError("session", "is closed.")
        check_password(new_password)
        keyfile = self.record.keyfile
        before = copy.deepcopy(keyfile.data)
        try:
            private = keyfile.change_password(self.username, old_password, new_password, self.record.kdf)
        except WrongCredentials:
            # Someone at an unlocked workstation trying passwords leaves a trace (nothing changed).
            if not self.read_only:
                with self.record.transaction() as conn:
                    self._audit(conn, "user.password_change_refused", "user", self.user_id,
                                {"reason": "wrong current password"})
            raise
        try:
            with self.record.transaction() as conn:
                conn.execute(update(U).where(U.c.id == self.user_id).values(password_changed_at=utc_now_iso()))
                # A crash after this commit and before the key file is saved leaves seals for a key
                # pair the key file does not hold: the next unlock finds them unopenable and asks a
                # holder to seal again (section_grants.unlock).
                for section, key in self.sections.items():
                    sections.seal_to(conn, section, key, self.username, private.public_key())
                self._audit(conn, "user.password_changed", "user", self.user_id,
                            {"new_key_pair": True, "sections_resealed": len(self.sections.items())})
        except BaseException:
            keyfile.data = before  # the change failed: keep the old password
            raise
        keyfile.save()

    def open_section_with_recovery_key(self, section: str, recovery_key: str) -> None:
        """For a user whose roles grant a sealed section but who holds no key of it (say every
        holder left): the section's recovery key, shown once to its first holder, opens it. The
        key is then sealed to this user, and what the section's requests ask for is done (new
        holders sealed, a pending re-key made)."""
        if section not in policy.SECTIONS:
            raise ValidationError("section", f"there is no section '{section[:64]}'.")
        self._authorize(*policy.SECTIONS[section])
        public = self.record.keyfile.public_key(self.username)
        with self.record.transaction() as conn:
            key = sections.unseal_with_recovery(conn, section, recovery_key)
            if public is not None:
                sections.seal_to(conn, section, key, self.username, public)
                sections.drop_requests_of(conn, section, self.username)
            self.sections.set(section, key)
            self._audit(conn, "section.opened_with_recovery_key", "section", None, {"section": section})
            section_grants.complete_requests(conn, self.record.keyfile, self.sections, self._actor(), section)

    def new_section_recovery_key(self, section: str, deliver: Callable[[str], None]) -> None:
        """Replace a sealed section's recovery key (say whoever saw the old one left): the old one
        opens nothing from now on; a re-key alone keeps it. deliver(text) shows or stores the new
        one before it takes effect: if it fails, nothing changed."""
        if section not in policy.SECTIONS:
            raise ValidationError("section", f"there is no section '{section[:64]}'.")
        self._authorize(*policy.SECTIONS[section])
        with self.record.transaction() as conn:
            text = sections.new_recovery(conn, section, self.sections.key(section))
            self._audit(conn, "section.recovery_key_replaced", "section", None, {"section": section})
            deliver(text)

    # --- helpers ---------------------------------------------------------------------------
    def _actor(self) -> tuple[int, str]:
        return self.user_id, self.username

    def roles_of(self, username: str) -> list[str]:
        self._authorize("user", "read")
        with self.record.transaction() as conn:
            user = _user(conn, username)
            self._audit(conn, "user.read", "user", user.id)
            return user_roles(conn, user.id)


def _keep_an_admin(conn) -> None:
    admins = conn.execute(
        select(func.count()).select_from(U).join(UserRole, UserRole.user_id == U.c.id)
        .where(UserRole.role == policy.Role.ADMIN.value, U.c.active.is_(True))).scalar_one()
    if admins == 0:
        raise ValidationError("roles", "the record must keep at least one active administrator.")


def _user(conn, username: str):
    user = find_user(conn, username)
    if user is None:
        raise NotFound(f"There is no user '{username[:64]}'.")
    return user
