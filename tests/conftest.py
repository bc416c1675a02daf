"""Fixtures shared by every test. Helpers (records, logins, the GUI shell, the command line, the
document checkers) live in tests/support. Every test uses real SQLCipher files in a temporary
folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.records import (  # noqa: E402
    cheap_argon2 as _cheap_argon2, login, make_record, use_template_folder,
)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test touches the real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))
    (home / "tmp").mkdir()
    yield home


@pytest.fixture(scope="session", autouse=True)
def _record_template(tmp_path_factory):
    """make_record copies one record made (on first use) in this session's folder."""
    use_template_folder(tmp_path_factory.mktemp("record-template"))


@pytest.fixture
def record_path(tmp_path) -> Path:
    return make_record(tmp_path)[0]


@pytest.fixture
def open_as(record_path):
    """open_as('coordinator') -> a Session, closed at the end of the test."""
    sessions = []

    def _open(username: str):
        s = login(record_path, username)
        sessions.append(s)
        return s

    yield _open
    for s in sessions:
        s.close()


@pytest.fixture(scope="module")
def cheap_argon2():
    """Argon2 at FAST_KDF's cost for a whole module, whatever the key slots name (see
    tests.support.records.cheap_argon2)."""
    with _cheap_argon2():
        yield
