"""What front ends import: open or create a record, and the errors they may show.

The errors and KdfParams are light and imported at once. The rest (the record, the session and
the whole database layer behind them: SQLAlchemy, Alembic, SQLCipher, the crypto libraries) is
loaded on first use of its name (`api.open_record`, `from barnahus_app.api import Session`), so a
front end can show its unlock screen before paying for it, and load it on a worker thread.
"""
from __future__ import annotations

import importlib

from barnahus_app.errors import (  # noqa: F401
    BarnahusError, DiskFull, NotFound, PermissionDenied, PossibleDuplicate, RecordDamaged,
    RecordFileError, RecordLocked, RecordReadOnly, SchemaTooNew, ValidationError, WrongCredentials,
)
from barnahus_app.record.kdf import KdfParams  # noqa: F401

# name -> the module (in this package) that defines it, imported when the name is first used
_LAZY = {
    "create_record": "lifecycle", "open_record": "lifecycle", "check_record": "lifecycle",
    "PASSWORD_MIN": "users.accounts",
    "check_password": "users.accounts", "check_username": "users.accounts",
    "CaseFilter": "cases.actions", "CasePage": "cases.actions",
    "Session": "session",
    "SETTINGS": "settings",
    "find_leftovers": "record.leftovers", "remove_leftovers": "record.leftovers",
    "salvage_record_file": "lifecycle", "switch_to_restored": "lifecycle",
    "interrupted_switch": "record.switching",
}

__all__ = [
    "BarnahusError", "DiskFull", "NotFound", "PermissionDenied", "PossibleDuplicate",
    "RecordDamaged", "RecordFileError", "RecordLocked", "RecordReadOnly", "SchemaTooNew", "ValidationError",
    "WrongCredentials", "KdfParams", *_LAZY,
]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __package__), name)
    globals()[name] = value  # later look-ups do not come here again
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
