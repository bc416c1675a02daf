"""The desktop app's own settings (QSettings, a plain-text INI file).

Only five things are ever kept here: recently used record PATHS, the interface language, window
geometry, what the verify dialog trusts (a CA fingerprint, or the path of a trust file: the
public fingerprint of a centre, no case content), and which users chose "Only mine" on Today
(opaque tokens: a hash of the record's path and the user's number). Never a user name, never
case content: QSettings is not encrypted.

The file is opened by an explicit path (read from the environment each time) instead of Qt's
default per-process location, so that a change of XDG_CONFIG_HOME (tests, portable use) is
honoured and the file is always where we say it is.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANISATION = "Barnahus"
APPLICATION = "Barnahus Case Record"
MAX_RECENT = 8
LANGUAGES = ("en", "sv")  # codes with a translation (English is the source language)

_RECENT = "records/recent"
_LANGUAGE = "interface/language"
_GEOMETRY = "window/geometry"
_TRUST = "verify/trust_anchor"
_TODAY_MINE = "today/only_mine"
ALLOWED_KEYS = (_RECENT, _LANGUAGE, _GEOMETRY, _TRUST, _TODAY_MINE)  # asserted by the canary test
MAX_TODAY_MINE = 64


def settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / ORGANISATION / "barnahus-desktop.ini"


def _settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def _sync(s: QSettings) -> None:
    s.sync()
    path = settings_path()
    if path.exists() and os.name == "posix":
        os.chmod(path, 0o600)


def recent_records() -> list[str]:
    value = _settings().value(_RECENT, [])
    if isinstance(value, str):  # QSettings gives a bare string for a one-element list
        value = [value]
    return [str(v) for v in (value or []) if str(v).strip()]


def add_recent_record(path) -> None:
    p = str(Path(path).absolute())
    items = [p] + [r for r in recent_records() if r != p]
    s = _settings()
    s.setValue(_RECENT, items[:MAX_RECENT])
    _sync(s)


def remove_recent_record(path) -> None:
    p = str(Path(path).absolute())
    s = _settings()
    s.setValue(_RECENT, [r for r in recent_records() if r != p])
    _sync(s)


def language() -> str:
    """'' means: follow the system's language."""
    value = str(_settings().value(_LANGUAGE, "") or "")
    return value if value in LANGUAGES else ""


def set_language(code: str) -> None:
    s = _settings()
    if code in LANGUAGES:
        s.setValue(_LANGUAGE, code)
    else:
        s.remove(_LANGUAGE)
    _sync(s)


def window_geometry() -> QByteArray | None:
    value = _settings().value(_GEOMETRY)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_window_geometry(geometry: QByteArray) -> None:
    s = _settings()
    s.setValue(_GEOMETRY, geometry)
    _sync(s)


def trust_anchor() -> str:
    """What the verify dialog checks signatures against on this computer: a CA fingerprint or
    the path of a trust file ('' when none was given yet)."""
    return str(_settings().value(_TRUST, "") or "")


def set_trust_anchor(text: str) -> None:
    s = _settings()
    if text.strip():
        s.setValue(_TRUST, text.strip())
    else:
        s.remove(_TRUST)
    _sync(s)


def user_token(record_path, user_id: int) -> str:
    """An opaque name for a user of a record in this file: neither the user's name nor the path."""
    import hashlib
    raw = f"{Path(record_path).absolute()}\0{int(user_id)}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:24]


def _today_mine() -> list[str]:
    value = _settings().value(_TODAY_MINE, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if str(v).strip()]


def today_only_mine(token: str) -> bool:
    """Whether this user last chose to see only their own follow-up on Today."""
    return token in _today_mine()


def set_today_only_mine(token: str, on: bool) -> None:
    items = [t for t in _today_mine() if t != token]
    if on:
        items = [token] + items
    s = _settings()
    if items:
        s.setValue(_TODAY_MINE, items[:MAX_TODAY_MINE])
    else:
        s.remove(_TODAY_MINE)
    _sync(s)
