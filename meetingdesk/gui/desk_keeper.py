"""Looking after the open desk while the window has it: the first program on a desk coming
forward when a second is started on it, and the timing of its automatic backups.

The desk itself, its lock and its backup schedule are a
:class:`~meetingdesk.services.session.WorkSession` (Qt-free): the schedule
(:class:`~meetingdesk.services.backups.BackupSchedule`) takes a backup on opening when the
newest is a day old, every 30 minutes while there are changes, and on closing after changes.
Here, timers tell it the time, and the backups it asks for run in a worker thread with a
connection of their own, so a large desk never freezes the window; a backup that fails is
logged and reported in the status bar, never in the user's way.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from meetingdesk.gui.single_instance import ActivationServer
from meetingdesk.services.session import WorkSession, back_up_file

logger = logging.getLogger(__name__)

TICK_MS = 60_000
OPEN_DELAY_MS = 3_000
"""The backup on opening waits a little: the window comes first."""


class BackupWorker(QObject):
    """Takes one backup of a desk file through a connection of its own."""

    finished = Signal(object)
    """The path of the backup, or the exception that stopped it."""

    def __init__(self, path: Path, reason: str, now: datetime) -> None:
        super().__init__()
        self.path, self.reason, self.now = path, reason, now

    def run(self) -> None:
        result: object
        try:
            result = back_up_file(self.path, self.reason, self.now).path
        except Exception as exc:  # reported, never raised in a thread nobody watches
            logger.warning("Automatic backup of %s failed: %s", self.path, exc)
            result = exc
        self.finished.emit(result)


class DeskKeeper(QObject):
    """Answers a second program started on the desk and times the desk's automatic backups."""

    backed_up = Signal(object)
    """A backup's path, or the exception of a failed one."""
    activation_requested = Signal()
    """Another program was started on this desk: the window should come forward."""

    def __init__(self, work: WorkSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        work.take_backup = self._backup
        self.server = ActivationServer(work.path, self)
        self.server.activation_requested.connect(self.activation_requested)
        self._threads: list[QThread] = []
        self._workers: list[BackupWorker] = []
        """Kept referenced while they run (Python would otherwise delete them)."""
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: work.schedule.tick(datetime.now()))
        self.timer.start()
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(lambda: work.schedule.opened(datetime.now()))
        self._open_timer.start()

    def changed(self) -> None:
        self.work.schedule.changed(datetime.now())

    def _backup(self, reason: str, now: datetime) -> None:
        worker = BackupWorker(self.work.path, reason, now)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self.backed_up)
        # quit from the worker's thread: close() may be waiting for it in the GUI thread
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(lambda: self._done(thread, worker))
        thread.finished.connect(thread.deleteLater)
        self._threads.append(thread)
        self._workers.append(worker)
        thread.start()

    def _done(self, thread: QThread, worker: BackupWorker) -> None:
        if thread in self._threads:
            self._threads.remove(thread)
            self._workers.remove(worker)

    def close(self) -> None:
        """Stop the timers and wait for the backups under way (the desk closes after, with
        its closing backup, in :meth:`WorkSession.close`)."""
        self.timer.stop()
        self._open_timer.stop()  # a desk closed within seconds of opening: no opening backup
        self.work.take_backup = None
        for thread in list(self._threads):
            thread.wait()  # waits without holding the GIL: the worker runs on to its end
        self.server.close()
