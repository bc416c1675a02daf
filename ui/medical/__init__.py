"""The Medical tab of a case workspace, for medical staff (issue #14): panel.py and its dialogs
(dialogs.py, samples.py, images.py). It registers itself with the case workspace's tabs; the
widgets are imported only when the tab is built."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import CaseTab, case_tabs


def _build_medical(workspace):
    from ui.medical.panel import MedicalPanel
    case = workspace.case or {}
    return MedicalPanel(workspace.session, workspace.case_id, case.get("reference", ""),
                        case.get("children") or [])   # reads its contents when first shown


case_tabs.register(CaseTab(
    key="medical", order=17, title=QT_TRANSLATE_NOOP("CaseWorkspace", "&Medical"),
    shown=lambda s: s.can("medical", "read"), build=_build_medical,
))
