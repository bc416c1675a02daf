"""What every feature's actions use: the typed base of each `*Actions` mixin and of the Session.

A feature's mixin may use only these members of `self` besides its own: the open record (and its
`transaction()`), who is logged in, the section keys it holds (`sections`), `_authorize`, `_audit`,
`can`, and the `_person_changed` and `_interview_held` hooks.
What it needs from another feature it imports as a plain function of that feature's module
(tests/core/test_architecture.py checks both rules)."""
from __future__ import annotations

from barnahus_app import audit, policy
from barnahus_app.errors import RecordFileError, RecordReadOnly
from barnahus_app.record.handle import Record
from barnahus_app.record.sections import SectionKeys


class SessionBase:
    record: Record
    user_id: int
    username: str
    display_name: str
    roles: list[str]
    closed: bool
    # The sealed sections' keys this user's key slot opened at login (record/sections.py): a
    # feature reads and writes a section's values through it (self.sections.read / write).
    sections: SectionKeys

    READ_ONLY_MESSAGE = ("The record is open read-only, so this was not done (not saved, not shown): "
                         "every action, reading included, writes to the audit trail, which cannot be "
                         "written now. Restore a backup, or salvage the record into a new file.")

    @property
    def read_only(self) -> bool:
        """Opened read-only (open_record(read_only=True), e.g. a damaged record): see _audit."""
        return self.record.read_only

    # --- the two helpers every action uses ---------------------------------------------------
    def _authorize(self, kind: str, action: str) -> None:
        if self.closed:
            raise RecordFileError("This session is closed; unlock the record again.")
        policy.require(self.roles, kind, action)
        if self.record.read_only:   # refused before anything is read: see _audit
            raise RecordReadOnly(self.READ_ONLY_MESSAGE)

    def _audit(self, conn, action: str, kind: str | None = None, subject_id: int | None = None,
               detail: dict | None = None) -> None:
        """The audit entry of an action, in its transaction. A read-only session cannot write it,
        so every action that audits (every reading of case content among them) is refused there
        with RecordReadOnly: it offers only what touches the record as a file (check, the
        backups, salvage, restore), which writes nothing to it."""
        if self.record.read_only:
            raise RecordReadOnly(self.READ_ONLY_MESSAGE)
        audit.append(conn, self.user_id, self.username, action, kind, subject_id, detail)

    def can(self, kind: str, action: str) -> bool:
        """For front ends shaping their views; the core still checks every call."""
        return policy.allowed(self.roles, kind, action)

    def centre_zone(self) -> str:
        """The centre's time zone (the record setting "time_zone"): every time is told in it,
        and bookings are planned in it unless the planner gives another."""
        from barnahus_app.settings import setting_in
        with self.record.engine.connect() as conn:
            return setting_in(conn, "time_zone")

    # --- hooks a feature extends (calling super() so that every feature's runs) ----------------
    def _person_changed(self, conn, person_id: int, fields: set[str]) -> None:
        """A person's fields changed inside `conn`'s transaction (the case search index and the
        follow-up dates that hang on a date of birth follow)."""

    def _interview_held(self, conn, case_id: int, child_person_id: int, on: str) -> None:
        """A forensic interview of the child was recorded as held on `on` (the local date of its
        start) inside `conn`'s transaction (the justice track's rights-explained checkpoint follows)."""
