"""The Psychosocial tab of a case workspace (issue #15): panel.py, its dialogs (dialogs.py) and
the trend chart (trend.py). It registers itself with the case workspace's tabs; the widgets are
imported only when the tab is built.

Its title's letter (Alt+A) is the one letter of "Psychosocial" no button of any tab page takes
for any role (tests/gui/test_psychosocial_tab.py checks it)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import CaseTab, case_tabs


def _build_psychosocial(workspace):
    from ui.psychosocial.panel import PsychosocialPanel
    return PsychosocialPanel(workspace.session, workspace.case_id, workspace.case or {})   # reads when shown


case_tabs.register(CaseTab(
    key="psychosocial", order=18, title=QT_TRANSLATE_NOOP("CaseWorkspace", "Psychosoci&al"),
    shown=lambda s: s.can("psychosocial", "read"), build=_build_psychosocial,
))
