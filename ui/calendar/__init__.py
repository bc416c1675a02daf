"""The calendar of interview bookings (day and week). Registers its page here; the widgets are in
panel.py."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import MainPage, PageHost, main_pages


def _icon():
    from ui.calendar.panel import nav_icon
    return nav_icon()


def _build(host: PageHost, parent):
    from ui.calendar.panel import CalendarPanel
    page = CalendarPanel(host.session, parent)   # reads the bookings each time it is shown, not at unlock
    if host.can_open_workspaces():
        page.open_case.connect(host.open_case)
    page.open_meeting.connect(lambda meeting_id: _open_meeting(host, meeting_id))
    return page


def _open_meeting(host: PageHost, meeting_id: int) -> None:
    """A meeting's entry opened: the Meetings page shows it (nothing if this user has none)."""
    host.go("meetings")
    page = host.page("meetings")
    if page is not None:
        page.show_meeting(meeting_id)


main_pages.register(MainPage(
    key="calendar", order=40, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Calendar"),
    action_text=QT_TRANSLATE_NOOP("MainWindow", "Ca&lendar"), icon=_icon, shortcut="Ctrl+K",
    shown=lambda s, host: s.can("interview", "read"), build=_build,
))
