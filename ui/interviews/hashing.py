"""Hashing a recording on a worker, with progress in bytes and a Cancel that stops the core between
two reads (nothing is written when it is cancelled)."""
from __future__ import annotations

from ui.common.tasks import ProgressJob
from ui.interviews.shared import size_text


# --- hashing with progress and cancel ------------------------------------------------------------
class HashJob(ProgressJob):
    """Hashing a file on a worker, with progress and cancel: the label shows the bytes done."""

    width_em = 28

    def label_text(self, done: int, total: int) -> str:
        return (self.tr("%1\n%2 of %3").replace("%1", self.what).replace("%2", size_text(done))
                .replace("%3", size_text(total)))
