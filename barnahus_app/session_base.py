"""What every feature's actions use: the typed base of each `*Actions` mixin and of the Session.

A feature's mixin may use only these members of `self` besides its own: the open record (and its
`transaction()`), who is logged in, `_authorize`, `_audit`, `can`, and the `_person_changed` hook.
What it needs from another feature it imports as a plain function of that feature's module
(tests/core/test_architecture.py checks both rules)."""
from __future__ import annotations

from barnahus_app import audit, policy
from barnahus_app.errors import RecordFileError
from barnahus_app.record.handle import Record


class SessionBase:
    record: Record
    user_id: int
    username: str
    display_name: str
    roles: list[str]
    closed: bool

    # --- the two helpers every action uses ---------------------------------------------------
    def _authorize(self, kind: str, action: str) -> None:
        if self.closed:
            raise RecordFileError("This session is closed; unlock the record again.")
        policy.require(self.roles, kind, action)

    def _audit(self, conn, action: str, kind: str | None = None, subject_id: int | None = None,
               detail: dict | None = None) -> None:
        audit.append(conn, self.user_id, self.username, action, kind, subject_id, detail)

    def can(self, kind: str, action: str) -> bool:
        """For front ends shaping their views; the core still checks every call."""
        return policy.allowed(self.roles, kind, action)

    # --- hooks a feature extends (calling super() so that every feature's runs) ----------------
    def _person_changed(self, conn, person_id: int, fields: set[str]) -> None:
        """A person's fields changed inside `conn`'s transaction (the case search index and the
        follow-up dates that hang on a date of birth follow)."""
