"""The team's meetings (MDT): planning, attendance, the agenda, the minute-taker's workspace and
the minutes. Registers its page here; the widgets are in the modules beside."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import MainPage, PageHost, main_pages

MEETINGS = "meetings"


def _build(host: PageHost, parent):
    from ui.meetings.panel import MeetingsPanel
    return MeetingsPanel(host.session, parent)   # reads the meetings each time it is shown


main_pages.register(MainPage(
    key=MEETINGS, order=45, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Meetings"),
    action_text=QT_TRANSLATE_NOOP("MainWindow", "&Meetings"), icon="meetings", shortcut="Ctrl+M",
    shown=lambda s, host: s.can("meeting", "read"), build=_build,
))
