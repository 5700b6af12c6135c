"""An edit made in the first seconds after opening a desk waits for the desk's check.

The window opens a desk before SQLite's quick_check has read it (seconds on a desk of
gigabytes) and runs the check after the first paint; until it has passed, every write waits
for its verdict (:mod:`meetingdesk.store.write_gate`), so a damaged file is never written.
Waited for inside the write, on the GUI thread, that was a window frozen for as long as the
check had left to run. Here the window waits with its event loop running: it keeps painting,
and after a moment a busy indicator says what it waits for.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import busy_indicator, dismiss
from meetingdesk.services.session import writes_held
from meetingdesk.store.desk import Desk

POLL_MS = 20
SHOW_AFTER_MS = 300
"""The busy indicator shows once the wait has lasted this long."""


def wait_until_writable(desk: Desk) -> None:
    """Return once ``desk`` takes writes, or has refused them (the write then says why);
    the event loop runs meanwhile, except for the user's input: keys typed meanwhile are
    taken after this change, in the order typed."""
    if not writes_held(desk):
        return
    loop = QEventLoop()
    # not modal, and shown without taking the keyboard: the keys held meanwhile go, once the
    # change is made, where they were typed
    busy = busy_indicator(QApplication.activeWindow(), tr(
        "Checking the desk just opened; your change follows as soon as the check has "
        "passed…"), modal=False)
    showing = QTimer(singleShot=True, interval=SHOW_AFTER_MS)
    showing.timeout.connect(busy.show)
    polling = QTimer(interval=POLL_MS)
    polling.timeout.connect(lambda: None if writes_held(desk) else loop.quit())
    showing.start()
    polling.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    polling.stop()
    showing.stop()
    dismiss(busy)
