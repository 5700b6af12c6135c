"""The jobs the window runs on its :class:`~meetingdesk.gui.jobs.BackgroundRunner`: functions
of plain values that never touch a widget. A job that needs the desk opens its own connection
(SQLite connections stay in the thread that made them) and closes it when done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetingdesk.gui.jobs import Progress, Work, current_progress
from meetingdesk.services.session import worker_connection
from meetingdesk.store.desk import Desk

if TYPE_CHECKING:  # printing and the minutes load when a job of theirs runs, not at start
    from PySide6.QtPrintSupport import QPrinter

    from meetingdesk.domain.enums import Profile
    from meetingdesk.gui import printing
    from meetingdesk.minutes.profiles import Margins

logger = logging.getLogger(__name__)


def minutes_job(desk_path: Path, meeting_id: int, profile: Profile,
                margins: Margins | None) -> Work:
    """Build, render and record a meeting's minutes (see
    :func:`meetingdesk.minutes.generate.generate_minutes`); the stages are ``building``,
    ``rendering`` and ``saving``; the result is the version's id."""

    def run(progress: Progress) -> int:
        # reportlab loads here, in the worker, not while the window starts
        from meetingdesk.minutes.generate import generate_minutes

        with worker_connection(desk_path, progress) as desk:  # a cancel rolls back
            version, _ = generate_minutes(desk, meeting_id, profile=profile, margins=margins,
                                          on_stage=progress.stage)
        assert version.id is not None
        return version.id

    return run


def preview_job(desk_path: Path, meeting_id: int, profile: Profile) -> Work:
    """Build and render a meeting's minutes without recording them (a read-only desk can
    still show them); the result is the PDF."""

    def run(progress: Progress) -> bytes:
        from meetingdesk.minutes.generate import minutes_pdf

        progress.stage("building")
        with worker_connection(desk_path) as desk:
            return minutes_pdf(desk, meeting_id, profile=profile)

    return run


def print_job(pdf: bytes, printer: QPrinter) -> Work:
    """Print ``pdf`` as the print dialog set ``printer`` up (see :mod:`meetingdesk.gui.printing`:
    the PDF itself to a PDF file or to CUPS, else its pages drawn); the result is the route
    taken. The printer is the job's alone until it ends."""

    def run(progress: Progress) -> printing.Route:
        from meetingdesk.gui import printing

        job = printing.job_from(printer, pdf, printing.page_count(pdf), printer.docName())
        return printing.send(job, printer, stage=progress.stage, cancelled=progress.cancelled)

    return run


def on_desk(path: Path, work: Callable[[Desk], Any]) -> Callable[[], Any]:
    """``work`` made to run on a connection of its own to the desk file at ``path`` (opened
    and closed in the worker's thread)."""

    def run() -> Any:
        with worker_connection(path, current_progress()) as desk:  # stops when cancelled
            return work(desk)

    return run
