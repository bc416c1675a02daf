"""Where things live. Case content lives only inside the record file."""
from __future__ import annotations

import os
import sys
from pathlib import Path

RECORD_FILENAME = "record.barnahus"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    base = Path(frozen) if frozen else Path(__file__).resolve().parent.parent
    return base / "resources"


def data_dir() -> Path:
    """The user's data folder (XDG on Linux, AppData on Windows, Application Support on macOS)."""
    if os.name == "nt":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return root / "Barnahus"


def default_record_path() -> Path:
    return data_dir() / RECORD_FILENAME


def centre_vocabulary_dir() -> Path:
    """A centre's own vocabulary additions: JSON files in the same format as resources/."""
    return data_dir() / "vocabularies"
