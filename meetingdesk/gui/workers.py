"""The jobs the window runs on its :class:`~meetingdesk.gui.jobs.BackgroundRunner`: functions
of plain values that never touch a widget. A job that needs the desk opens its own connection
(SQLite connections stay in the thread that made them) and closes it when done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from meetingdesk.domain.enums import Profile
from meetingdesk.gui.jobs import Progress, Work
from meetingdesk.minutes.profiles import Margins
from meetingdesk.services.session import worker_connection
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


def minutes_job(desk_path: Path, meeting_id: int, profile: Profile,
                margins: Margins | None) -> Work:
    """Build, render and record a meeting's minutes (see
    :func:`meetingdesk.minutes.generate.generate_minutes`); the stages are ``building``,
    ``rendering`` and ``saving``; the result is the version's id."""

    def run(progress: Progress) -> int:
        # reportlab loads here, in the worker, not while the window starts
        from meetingdesk.minutes.generate import generate_minutes

        with worker_connection(desk_path) as desk:
            version, _ = generate_minutes(desk, meeting_id, profile=profile, margins=margins,
                                          on_stage=progress.stage)
        assert version.id is not None
        return version.id

    return run


def print_job(pdf: bytes, printer: QPrinter) -> Work:
    """Paint the pages of ``pdf`` (the range chosen in the print dialog) on ``printer``; the
    result is the number of pages printed. The printer is the job's alone until it ends."""

    def run(progress: Progress) -> int:
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        first = max(1, printer.fromPage() or 1)
        last = min(document.pageCount(), printer.toPage() or document.pageCount())
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("the printer could not be started")
        printed = 0
        try:
            for page in range(first - 1, last):
                if progress.cancelled():
                    printer.abort()
                    break
                progress.stage(str(page + 1))
                if page > first - 1:
                    printer.newPage()
                target = painter.viewport()
                size = document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                painter.drawImage(0, 0, document.render(
                    page, QSize(int(size.width() * scale), int(size.height() * scale))))
                printed += 1
        finally:
            painter.end()
            document.close()
            buffer.close()
        return printed

    return run


def on_desk(path: Path, work: Callable[[Desk], Any]) -> Callable[[], Any]:
    """``work`` made to run on a connection of its own to the desk file at ``path`` (opened
    and closed in the worker's thread)."""

    def run() -> Any:
        with worker_connection(path) as desk:
            return work(desk)

    return run
