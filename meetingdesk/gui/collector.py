"""Python's cyclic garbage collected in the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker (minutes being laid out, a print job), it may free the Python side of widgets
and dialogs that are cyclic garbage in that thread, which crashes Qt (seen: a segmentation
fault while generating minutes right after a few dialogs were used). So, as Anki does, the
automatic collector is switched off and a timer collects in the GUI thread.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

INTERVAL_MS = 3000


class GuiThreadCollector(QObject):
    """Collects garbage every :data:`INTERVAL_MS` in the thread that owns it (the GUI's)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()
        gc.disable()

    def collect(self) -> int:
        found = gc.collect()
        if found:
            logger.debug("Collected %d objects in the GUI thread", found)
        return found

    def stop(self) -> None:
        """Hand collection back to Python and leave the application (tests)."""
        self.timer.stop()
        gc.enable()
        self.setParent(None)
        self.deleteLater()


def collect_in_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on ``app`` once; the installed one when already there."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
