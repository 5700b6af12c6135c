"""Python's cyclic garbage collected in the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker (minutes being laid out, a print job), it may free the Python side of widgets
and dialogs that are cyclic garbage in that thread, which crashes Qt (seen: a segmentation
fault while generating minutes right after a few dialogs were used). So, as Anki does, the
automatic collector is switched off and a timer collects in the GUI thread.

By generation, as Python's own collector would: every tick only the young objects (the
garbage of a dialog just closed is young), the middle generation every tenth tick, and the
whole heap — tens of milliseconds on a large desk, a visible stall if done at every tick —
every hundredth tick, about every five minutes.

What the start made (the modules, the main window, the desk's first load: some 55,000 objects
on the 1,000-meeting desk) is set aside at the event loop's first pass (``gc.freeze()``):
none of it is garbage, yet the first pass of each generation over it took 20–30 ms on the
GUI thread (3 s, 30 s and every 5 min after the start: a stall in whatever the user was
typing). Cyclic garbage made during the start stays, once.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

INTERVAL_MS = 3000
MIDDLE_EVERY = 10
"""Ticks between collections of the middle generation."""
WHOLE_EVERY = 100
"""Ticks between collections of the whole heap."""


class GuiThreadCollector(QObject):
    """Collects garbage every :data:`INTERVAL_MS` in the thread that owns it (the GUI's)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.ticks = 0
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        gc.disable()
        QTimer.singleShot(0, self, self.set_aside_start)

    def set_aside_start(self) -> None:
        """Leave every object made so far out of all later collections (``gc.freeze()``)."""
        gc.freeze()

    def tick(self) -> int:
        """One timer tick: the generations whose turn it is."""
        self.ticks += 1
        generation = (2 if self.ticks % WHOLE_EVERY == 0
                      else 1 if self.ticks % MIDDLE_EVERY == 0 else 0)
        return self.collect(generation)

    def collect(self, generation: int = 2) -> int:
        """Collect ``generation`` and the younger ones (all by default)."""
        found = gc.collect(generation)
        if found:
            logger.debug("Collected %d objects in the GUI thread", found)
        return found

    def stop(self) -> None:
        """Hand collection back to Python and leave the application (tests)."""
        self.timer.stop()
        gc.unfreeze()
        gc.enable()
        self.setParent(None)
        self.deleteLater()


def collect_in_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on ``app`` once; the installed one when already there."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
