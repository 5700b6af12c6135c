"""The closing backup, taken off the GUI thread while the window waits for it.

A desk of gigabytes takes tens of seconds to copy and check; taken on the GUI thread, the
window would stop painting and the system would call it "not responding" while the user
waits to close it. Here the backup runs on the desk's runner, at the disk's speed
(:data:`~meetingdesk.services.session.AT_CLOSING`), while the window keeps painting: for its
first half second the user's input is held (and dropped with the window), then a modal busy
indicator with a "Skip the backup" button takes it — nothing can be edited, opened or
generated once the backup has begun, so nothing is written after the copy's snapshot.
Skipped, it leaves nothing behind; failed, it is told; either way the desk then closes,
itself intact.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import BackgroundRunner, Progress, busy_indicator, dismiss, stop_on_button
from meetingdesk.services.backups import BackupInfo
from meetingdesk.services.session import AT_CLOSING, WorkSession, back_up_file

logger = logging.getLogger(__name__)

SHOW_AFTER_MS = 500
"""The busy indicator shows once the backup has taken this long."""


def take_closing_backup(parent: QWidget, runner: BackgroundRunner, work: WorkSession) -> None:
    """Take the closing backup of ``work`` if one is due (something changed since the last
    one), on ``runner``; returns once it has ended, was skipped or failed, and
    :meth:`WorkSession.close` then takes none."""
    if not work.closing_backup_due():
        return
    now = datetime.now()
    path = work.path
    loop = QEventLoop()
    outcome: list[BaseException | None] = []

    def take(progress: Progress) -> BackupInfo:
        return back_up_file(path, "close", now, cancel=progress, pace=AT_CLOSING)

    def done(backup: BackupInfo) -> None:
        work.closing_backup_settled(backup.taken_at)
        outcome.append(None)
        loop.quit()

    def failed(exc: BaseException) -> None:
        logger.warning("Closing backup of %s failed: %s", path, exc)
        work.closing_backup_settled(None)
        outcome.append(exc)
        loop.quit()

    def skipped() -> None:
        logger.info("Closing backup of %s skipped", path)
        work.closing_backup_settled(None)
        outcome.append(None)
        loop.quit()

    busy = busy_indicator(parent, tr("Backing up the desk before closing…"),
                          tr("Skip the backup"))
    showing = QTimer(singleShot=True, interval=SHOW_AFTER_MS)  # a small desk is done before
    showing.timeout.connect(loop.quit)
    task = runner.submit(take, done=done, failed=failed, cancelled=skipped)
    stop_on_button(busy, runner, task, tr("Skipping the backup…"))
    showing.start()
    # the runner's callbacks come through these loops; the user's input waits (the window
    # is closing), then goes to the indicator only
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    showing.stop()
    if not outcome:
        busy.show()
        loop.exec()
    dismiss(busy)
    if outcome and outcome[0] is not None:
        QMessageBox.warning(parent, tr("MeetingDesk"), tr(
            "The backup before closing could not be taken.\n%1\nThe desk itself is saved, "
            "and its earlier backups are kept.").replace("%1", str(outcome[0])))

