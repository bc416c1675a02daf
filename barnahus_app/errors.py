"""Errors a user can meet. Each message is complete, calm and safe to show: no case content,
no passphrase, no key material."""


class BarnahusError(Exception):
    """Base for every error the front ends show as a one-line message."""


class WrongCredentials(BarnahusError):
    def __init__(self):
        super().__init__("Wrong user name or password.")


class RecordFileError(BarnahusError):
    """The record file cannot be used as it is. The file is never changed when this is raised."""


class RecordDamaged(RecordFileError):
    """The record key is right, but pages of the file fail their check: the front ends offer to
    open it read-only, restore a backup or salvage what can be read. opens_read_only: False when
    the damage is where every open reads first (page 1), so opening read-only cannot help."""

    def __init__(self, message: str, opens_read_only: bool = True):
        super().__init__(message)
        self.opens_read_only = opens_read_only


class RecordLocked(BarnahusError):
    pass


class RecordReadOnly(BarnahusError):
    pass


class DiskFull(BarnahusError):
    pass


class PermissionDenied(BarnahusError):
    pass


class ValidationError(BarnahusError):
    """A value the core will not store. str(e) is "field: message"; front ends show .message
    beside the field named by .field. In a save_intake call, .person names the intake person the
    problem is about (their client key or person id), or is None for the case itself."""

    def __init__(self, field: str, message: str, person: int | str | None = None):
        self.field = field
        self.message = message
        self.person = person
        super().__init__(f"{field}: {message}")


class PossibleDuplicate(BarnahusError):
    """Creating a person that looks like someone already in the record. The caller shows the
    candidates and asks again with acknowledge_duplicates=True. In a save_intake call, .person
    is the client key of the new person the candidates resemble."""

    def __init__(self, candidates, person: int | str | None = None):
        self.candidates = candidates
        self.person = person
        super().__init__(
            f"{len(candidates)} person(s) in the record have a similar name and date of birth. "
            "Check them before creating a new person."
        )


class NotFound(BarnahusError):
    pass


class SectionLocked(BarnahusError):
    """The user's roles grant a sealed section (record/sections.py), but their key slot does not
    hold its key yet: another holder's next unlock (or the section's recovery key) seals it."""

    def __init__(self, section: str):
        self.section = section
        super().__init__(f"You do not hold the key of section {section} yet. It is sealed to you "
                         "the next time a colleague who holds it unlocks the record (or with the "
                         "section's recovery key); nothing was shown or changed.")


class SchemaTooNew(BarnahusError):
    pass


class Cancelled(BarnahusError):
    """A long operation stopped because the user asked it to; it left nothing half-done."""

    def __init__(self, message: str = "Cancelled. Nothing was written."):
        super().__init__(message)


class ConflictsFound(BarnahusError):
    """A booking would clash (room, staff, no-contact, testify once). Nothing was written. The
    caller shows .check.conflicts and asks again with a written reason for each one it overrides."""

    def __init__(self, check):
        self.check = check
        # No names in str(e): it may reach a terminal or a log; the messages are in .check.
        kinds = ", ".join(sorted({c.code.replace("_", "-") for c in check.conflicts}))
        super().__init__(f"{len(check.conflicts)} conflict(s) ({kinds}) need a written reason before "
                         "this booking.")


class EvidenceAltered(BarnahusError):
    """A file about to leave in a bundle differs from the SHA-256 registered for it: nothing was
    written. .key says which evidence item (the caller's key, e.g. a recording number)."""

    def __init__(self, message: str, key=None, expected: str = "", found: str = ""):
        super().__init__(message)
        self.key, self.expected, self.found = key, expected, found
