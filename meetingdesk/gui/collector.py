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

The collector is off from the first import (:mod:`meetingdesk.gui`), so that every object the
start makes — modules, classes, the window, the desk's list of meetings: some 70,000 on the
1,000-meeting desk — is still young at the first tick, and scanning them stalled the window
for 20–40 ms three seconds after it opened (whatever the user was doing: switching meetings,
typing). The first tick sets them aside instead (:func:`gc.freeze`, no scan); the first
collection of the whole heap takes them back (:func:`gc.unfreeze`), so that a cycle among
them is freed then at the latest.
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
        self.start_set_aside = False
        """The objects made before the first tick are set aside (until the whole heap is
        collected)."""
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        gc.disable()

    def tick(self) -> int:
        """One timer tick: the generations whose turn it is."""
        self.ticks += 1
        generation = (2 if self.ticks % WHOLE_EVERY == 0
                      else 1 if self.ticks % MIDDLE_EVERY == 0 else 0)
        if not self.start_set_aside and generation < 2:
            self.start_set_aside = True
            gc.freeze()  # the start's objects: never scanned young (see the module)
            return 0
        return self.collect(generation)

    def collect(self, generation: int = 2) -> int:
        """Collect ``generation`` and the younger ones (all by default; the whole heap
        includes the objects the first tick set aside)."""
        if generation == 2:
            gc.unfreeze()
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
