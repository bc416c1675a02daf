"""The page registry: the main window's pages and the case workspace's tabs, registered by the
features themselves, so that a new feature adds a page or a tab without editing the window that
shows it.

A feature registers in its package's __init__.py (imported by ui/features.py) and imports its
widgets only inside `build`: the unlock screen appears without them. Titles are marked with
QT_TRANSLATE_NOOP in the context of the host that shows them ("MainWindow", "CaseWorkspace"), so
the translations made when the hosts named every page themselves still apply.

What the host offers the pages it builds is the PageHost protocol below: a page connects its
signals to it (open a case, restart the idle timer...) and never reaches into the host otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidgetItem, QWidget


class PageHost(Protocol):
    """What the main window offers its pages."""

    session: Any
    case_list_factory: Callable | None    # None: this build has no case list (tests inject their own)
    workspace_factory: Callable | None    # None: no case workspaces

    def open_case(self, case_id: int, tab: str | None = None) -> None: ...   # tab: a CaseTab key
    def new_case(self) -> None: ...
    def close_tab(self, index: int) -> bool: ...
    def can_open_workspaces(self) -> bool: ...
    def workspace_entries(self) -> list: ...
    def nav_item(self, key: str) -> QListWidgetItem | None: ...
    def go(self, key: str) -> None: ...                       # show a page (nothing if it is not shown)
    def page(self, key: str) -> QWidget | None: ...           # a page built for this session, or None
    def restart_idle(self) -> None: ...
    def own_roles_changed(self) -> None: ...
    def open_other_record(self, path: str) -> None: ...
    def switch_to_restored(self, restored: str, password: str) -> None: ...


def _set_focus(page: QWidget) -> None:
    page.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _clear(page: QWidget) -> None:
    page.clear()


def _built(host: PageHost, page: QWidget | None) -> bool:
    return page is not None


@dataclass(frozen=True)
class MainPage:
    """A page of the main window's navigation, and its entry in the Go menu.

    `build(host, parent)` makes the widget once the record is unlocked and `shown(session, host)`
    allowed it; the host keeps it as `host.<attr>` (None while locked). On lock the host calls
    `clear(page)` (drop what was read from the record) and then drops the widget with the session."""

    key: str                                    # "today": nav_keys(), go(key)
    order: int                                  # the place in the navigation and the Go menu
    nav_text: str                               # QT_TRANSLATE_NOOP("MainWindow", ...)
    action_text: str                            # the Go menu's text, with its mnemonic
    icon: str | Callable[[], QIcon]             # a name for ui.common.icons.icon, or a maker
    shown: Callable[[Any, PageHost], bool]
    build: Callable[[PageHost, QWidget], QWidget]
    attr: str = ""                              # the host's attribute for the widget (default: key)
    shortcut: str | tuple[str, ...] | None = None
    focus: Callable[[QWidget], None] = _set_focus           # what takes the keyboard on go(key)
    clear: Callable[[QWidget], None] | None = _clear        # on lock; None: nothing to clear
    go_enabled: Callable[[PageHost, QWidget | None], bool] = _built
    after_unlock: Callable[[QWidget], None] | None = None   # from the event loop, once unlocked
    case_saved: Callable[[QWidget], None] | None = None     # a case workspace saved a case

    @property
    def attribute(self) -> str:
        return self.attr or self.key

    def text(self) -> str:
        return QCoreApplication.translate("MainWindow", self.nav_text)

    def go_text(self) -> str:
        return QCoreApplication.translate("MainWindow", self.action_text)

    def make_icon(self) -> QIcon:
        if callable(self.icon):
            return self.icon()
        from ui.common.icons import icon
        return icon(self.icon)


@dataclass(frozen=True)
class CaseTab:
    """A tab of a saved case's workspace, after the case's own Overview, Case details and Persons.

    `build(workspace)` makes it once the case is read (workspace.session, .case_id and .case are
    set); the workspace keeps it as `workspace.<attr>`. A workspace closes when the record locks,
    so its tabs go with it and need no clearing of their own."""

    key: str
    order: int
    title: str                                  # QT_TRANSLATE_NOOP("CaseWorkspace", ...), with its mnemonic
    shown: Callable[[Any], bool]                # shown(session)
    build: Callable[[Any], QWidget]             # build(workspace)
    attr: str = ""

    @property
    def attribute(self) -> str:
        return self.attr or f"{self.key}_page"

    def text(self) -> str:
        return QCoreApplication.translate("CaseWorkspace", self.title)


class Registry:
    """Entries by key, handed out in their order."""

    def __init__(self) -> None:
        self._entries: dict[str, Any] = {}

    def register(self, entry) -> None:
        if entry.key in self._entries:
            raise ValueError(f"a page {entry.key!r} is registered already")
        self._entries[entry.key] = entry

    def unregister(self, key: str) -> None:
        self._entries.pop(key, None)

    def __iter__(self):
        return iter(sorted(self._entries.values(), key=lambda e: e.order))

    def __getitem__(self, key: str):
        return self._entries[key]


main_pages = Registry()
case_tabs = Registry()
