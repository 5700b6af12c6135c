"""Looking after the open desk: its lock (one program per file, the first one coming forward
when a second is started) and its automatic backups.

The schedule is :class:`meetingdesk.services.backups.BackupSchedule`: a backup on opening when
the newest is a day old, every 30 minutes while there are changes, and on closing after
changes. Backups run in a worker thread with a connection of its own, so a large desk never
freezes the window; a backup that fails is logged and reported in the status bar, never in the
user's way.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui.single_instance import ActivationServer
from meetingdesk.services.backups import BackupSchedule, list_backups, take_backup
from meetingdesk.store.desk import Desk, open_desk
from meetingdesk.store.lock import DeskLock

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
            with open_desk(self.path, create=False) as desk:
                result = take_backup(desk, self.reason, self.now).path
        except Exception as exc:  # reported, never raised in a thread nobody watches
            logger.warning("Automatic backup of %s failed: %s", self.path, exc)
            result = exc
        self.finished.emit(result)


class DeskKeeper(QObject):
    """Holds the lock of an open desk and takes its automatic backups."""

    backed_up = Signal(object)
    """A backup's path, or the exception of a failed one."""
    activation_requested = Signal()
    """Another program was started on this desk: the window should come forward."""

    def __init__(self, desk: Desk, lock: DeskLock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.lock = lock
        self.server = ActivationServer(desk.path, self)
        self.server.activation_requested.connect(self.activation_requested)
        self._threads: list[QThread] = []
        self._workers: list[BackupWorker] = []
        """Kept referenced while they run (Python would otherwise delete them)."""
        self._closing = False
        found = list_backups(desk.path)
        self.schedule = BackupSchedule(found[-1].taken_at if found else None, self._backup)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.schedule.tick(datetime.now()))
        self.timer.start()
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(lambda: self.schedule.opened(datetime.now()))
        if desk.read_only:  # nothing changes, and nothing may be written beside it
            self.timer.stop()
        else:
            self._open_timer.start()

    def changed(self) -> None:
        self.schedule.changed(datetime.now())

    def _backup(self, reason: str, now: datetime) -> None:
        if self._closing:  # the desk is about to close: back up here and now
            try:
                take_backup(self.desk, reason, now)
            except MeetingDeskError as exc:
                logger.warning("Closing backup of %s failed: %s", self.desk.path, exc)
            return
        worker = BackupWorker(self.desk.path, reason, now)
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
        """Take the closing backup if anything changed (here, before the desk closes), wait
        for backups under way, and release the lock."""
        self.timer.stop()
        self._open_timer.stop()  # a desk closed within seconds of opening: no opening backup
        self._closing = True
        for thread in list(self._threads):
            while thread.isRunning():  # QThread.wait() would keep the GIL from the worker
                time.sleep(0.01)
        self.server.close()
        try:
            self.schedule.closing(datetime.now())
        finally:
            self.lock.release()
