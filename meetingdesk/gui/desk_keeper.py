"""Looking after the open desk while the window has it: the first program on a desk coming
forward when a second is started on it, and the timing of its automatic backups.

The desk itself, its lock and its backup schedule are a
:class:`~meetingdesk.services.session.WorkSession` (Qt-free): the schedule
(:class:`~meetingdesk.services.backups.BackupSchedule`) takes a backup on opening when the
newest is a day old, every 30 minutes while there are changes, and on closing after changes.
Here, timers tell it the time, and the backups it asks for run in a worker thread with a
connection of their own on the desk's runner (:mod:`meetingdesk.gui.jobs`), so a large desk
never freezes the window. They are paced (:class:`meetingdesk.store.backup.Pace`: written in
flushed steps with rests between them, so the fsync that makes an edit durable never waits
behind gigabytes of copy) and run at a low priority, so the secretary's edits come first;
closing the desk cancels one under way, leaving nothing of it. A backup that fails is logged
and reported in the status bar, never in the user's way.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from meetingdesk.gui.jobs import BackgroundRunner, Task
from meetingdesk.services.session import WorkSession, back_up_file

if TYPE_CHECKING:
    from meetingdesk.gui.single_instance import ActivationServer

logger = logging.getLogger(__name__)

TICK_MS = 60_000
OPEN_DELAY_MS = 3_000
"""The backup on opening waits a little: the window comes first."""
LISTEN_DELAY_MS = 200
"""Listening for a second program on the desk waits for the window too (Qt's network module
and its enums are about 7 ms of the start): a second program started within that time asks
again until this one listens (``single_instance.ask_owner_to_come_forward``)."""


class DeskKeeper(QObject):
    """Answers a second program started on the desk and times the desk's automatic backups."""

    backed_up = Signal(object)
    """A backup's path, or the exception of a failed one."""
    activation_requested = Signal()
    """Another program was started on this desk: the window should come forward."""

    def __init__(self, work: WorkSession, runner: BackgroundRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.runner = runner
        work.take_backup = self.back_up
        self._backups: list[Task] = []
        """The backups queued or under way."""
        self.server: ActivationServer | None = None
        self._listen_timer = QTimer(self)
        self._listen_timer.setSingleShot(True)
        self._listen_timer.setInterval(LISTEN_DELAY_MS)
        self._listen_timer.timeout.connect(self._listen)
        self._listen_timer.start()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: work.schedule.tick(datetime.now()))
        self.timer.start()
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(lambda: work.schedule.opened(datetime.now()))
        if work.desk.read_only:  # nothing changes, and nothing may be written beside it
            self.timer.stop()
        else:
            self._open_timer.start()

    def _listen(self) -> None:
        from meetingdesk.gui.single_instance import ActivationServer

        self.server = ActivationServer(self.work.path, self)
        self.server.activation_requested.connect(self.activation_requested)

    def changed(self) -> None:
        self.work.schedule.changed(datetime.now())

    def back_up(self, reason: str, now: datetime) -> Task:
        """Take a backup on the runner; ``backed_up`` tells its path or its error. One that
        fails leaves the desk due for a backup (the schedule counted it as taken when it
        was asked for)."""
        path = self.work.path

        def done(backup: Path) -> None:
            self._backups.remove(task)
            self.backed_up.emit(backup)

        def failed(exc: BaseException) -> None:
            self._backups.remove(task)
            logger.warning("Backup of %s failed: %s", path, exc)
            self.work.schedule.changed(now)
            self.backed_up.emit(exc)

        task = self.runner.submit(
            lambda progress: back_up_file(path, reason, now, cancel=progress).path,
            done=done, failed=failed, low_priority=True)
        self._backups.append(task)
        return task

    def close(self) -> None:
        """Stop the timers and the backups queued or under way (one under way stops at its
        next step, leaving nothing of it); a backup so stopped leaves the desk due for the
        closing backup (:func:`meetingdesk.gui.closing_backup.take_closing_backup`)."""
        self.timer.stop()
        self._open_timer.stop()  # a desk closed within seconds of opening: no opening backup
        self.work.take_backup = None
        for task in self._backups:  # stopped, it leaves nothing: the closing one stands in
            self.runner.cancel(task)
            self.work.schedule.changed(datetime.now())
        self._backups.clear()
        self._listen_timer.stop()
        if self.server is not None:
            self.server.close()
