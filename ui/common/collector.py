"""Python's cyclic garbage collector, run only on the GUI thread.

Left to itself the collector runs on whichever thread crosses its threshold: often a worker in
the middle of a core call. A Python-owned widget caught in a reference cycle is then destroyed
on that worker while the GUI thread paints, which crashes Qt (seen as a segmentation fault in the
GUI tests). So the application turns automatic collection off and collects from a timer on the
GUI thread, with the thresholds Python would have used."""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=CHECK_MS, timeout=self.collect_if_due)
        self._timer.start()

    @staticmethod
    def collect_if_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in (2, 1, 0) if counts[g] > thresholds[g]]
        if due:
            gc.collect(due[0])
