"""Work that runs off the GUI thread. Workers never touch widgets: they report by signals.

A worker opens its own connection to the desk file (SQLite connections stay in the thread
that made them) and closes it when done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.minutes.profiles import Margins
from meetingdesk.store.desk import Desk, open_desk

logger = logging.getLogger(__name__)


class MinutesWorker(QObject):
    """Builds, renders and records a meeting's minutes; emits ``stage`` as it goes."""

    stage = Signal(str)
    """``building``, ``rendering`` or ``saving``."""
    finished = Signal(int)
    """The id of the new version."""
    failed = Signal(object)
    """The exception (a :class:`MeetingDeskError` has a message for the user)."""

    def __init__(self, desk_path: Path, meeting_id: int, profile: Profile,
                 margins: Margins | None) -> None:
        super().__init__()
        self.desk_path = desk_path
        self.meeting_id = meeting_id
        self.profile = profile
        self.margins = margins

    def run(self) -> None:
        # reportlab loads here, in the worker, not while the window starts
        from meetingdesk.minutes.generate import generate_minutes

        try:
            with open_desk(self.desk_path, create=False) as desk:
                version, _ = generate_minutes(desk, self.meeting_id, profile=self.profile,
                                              margins=self.margins, on_stage=self.stage.emit)
            assert version.id is not None
            self.finished.emit(version.id)
        except MeetingDeskError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # reported to the GUI thread, which logs and shows it
            logger.exception("Generating the minutes failed")
            self.failed.emit(exc)


class Job(QObject):
    """Runs ``work()`` once, off the GUI thread. ``work`` gets plain values only (never a
    widget) and returns a plain result."""

    finished = Signal(object)
    """The result of ``work()``."""
    failed = Signal(object)
    """The exception (a :class:`MeetingDeskError` has a message for the user)."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except MeetingDeskError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # reported to the GUI thread, which logs and shows it
            logger.exception("A background job failed")
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


def on_desk(path: Path, work: Callable[[Desk], Any]) -> Callable[[], Any]:
    """``work`` made to run on a connection of its own to the desk file at ``path`` (opened
    and closed in the worker's thread)."""

    def run() -> Any:
        with open_desk(path, create=False) as desk:
            return work(desk)

    return run


def start_in_thread(worker: MinutesWorker, parent: QObject) -> QThread:
    """Run ``worker.run`` in a new thread that ends (and is deleted) when it is done."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # quit from the worker's thread, so that a GUI thread waiting for it cannot deadlock
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
