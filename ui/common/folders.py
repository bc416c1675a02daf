"""Where the save dialogs for exports start: the folder the administrator set for exports (the
record setting export_folder) while it exists, else the user's documents folder, else home."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    for loc in (QStandardPaths.StandardLocation.DocumentsLocation, QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(loc)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def export_folder(session) -> Path:
    """The folder an export's save dialog starts in (a quick read of one record setting; a folder
    that is gone, say an unplugged drive, falls back to the documents folder)."""
    chosen = session.setting("export_folder") if session is not None else ""
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    return documents_folder()
