"""The Today view: the follow-up reminders due, the first page after unlock for users who read
follow-up. Registers its page here; the widgets are in panel.py."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QListWidgetItem

from ui.common.pages import MainPage, PageHost, main_pages

TODAY = "today"



def show_counts(item: QListWidgetItem | None, counts=None) -> None:
    """"Today (12)" in the navigation: what is overdue or due this week, as the core counts it."""
    if item is None:
        return
    if not counts:
        item.setText(QCoreApplication.translate("MainWindow", "Today"))
        item.setToolTip("")
        return
    n = counts.get("overdue", 0) + counts.get("this_week", 0)
    loc = QLocale()
    item.setText(QCoreApplication.translate("MainWindow", "Today ({n})").format(n=loc.toString(n)))
    tip = QCoreApplication.translate("MainWindow", "{overdue} overdue, {week} due this week").format(
        overdue=loc.toString(counts.get("overdue", 0)), week=loc.toString(counts.get("this_week", 0)))
    item.setToolTip(tip)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, QCoreApplication.translate("MainWindow", "Today: {tip}").format(tip=tip))


def _build(host: PageHost, parent):
    from ui.today.panel import TodayPanel
    # The first screen after unlock: what is due (DOMAIN.md item 11). Its first read waits for
    # after_unlock: every core transaction holds the record (BEGIN IMMEDIATE), so a read started
    # now, on a worker, would make the other pages' first reads wait on the GUI thread.
    page = TodayPanel(host.session, parent, load=False)
    page.openCase.connect(host.open_case)
    page.openCaseTab.connect(lambda case_id, tab: host.open_case(case_id, tab))
    page.countsChanged.connect(lambda counts: show_counts(host.nav_item(TODAY), counts))
    return page


main_pages.register(MainPage(
    key=TODAY, order=10, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Today"),
    action_text=QT_TRANSLATE_NOOP("MainWindow", "&Today"), icon="today", shortcut="Ctrl+T",
    shown=lambda s, host: s.can("followup", "read") and s.can("case", "read") and host.workspace_factory is not None,
    build=_build, focus=lambda page: page.focus_list(), after_unlock=lambda page: page.start_loading(),
    case_saved=lambda page: page.mark_stale(),   # e.g. a date of birth moves the age milestones
))
