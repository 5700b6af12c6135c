"""Printing a PDF (the minutes) as vectors wherever the platform allows.

The print dialog runs in the GUI thread; the window's background runner then calls
:func:`meetingdesk.gui.workers.print_job`, which reads the dialog's choices into a
:class:`PrintJob` and sends it here (:func:`send`), off the GUI thread:

- "Print to file (PDF)" with every page: the generated PDF is written as it is (vector text,
  embedded fonts, a few hundred kB), atomically;
- a real printer where CUPS is there (Linux, macOS): the PDF goes to ``lp`` as it is, with the
  copies and page range chosen; CUPS keeps it vector all the way;
- anything else (Windows, a page range to a PDF file): the pages are drawn at the printer's
  resolution (at most :data:`RASTER_DPI`), so the window never freezes and the file stays
  small.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.services.files import write_atomically

logger = logging.getLogger(__name__)

RASTER_DPI = 300
"""The most pixels per inch a page is drawn at when it cannot go to the printer as vectors."""


class Route(Enum):
    """How a job reaches paper or file."""

    PDF_FILE = "pdf-file"
    """The PDF copied to the chosen file, vector."""
    CUPS = "cups"
    """The PDF sent to CUPS with ``lp``, vector."""
    RASTER = "raster"
    """The pages drawn at the printer's resolution through Qt."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    """What the print dialog chose, read in the GUI thread."""

    pdf: bytes
    page_count: int
    first: int
    """First page to print, from 1."""
    last: int
    copies: int
    output_file: str
    """The file of "print to file", or ``""`` for a printer."""
    printer_name: str
    title: str

    @property
    def whole(self) -> bool:
        return self.first == 1 and self.last == self.page_count


def job_from(printer: QPrinter, pdf: bytes, page_count: int, title: str) -> PrintJob:
    """The job the dialog set up on ``printer`` (page range 0/0 means every page)."""
    first = max(1, printer.fromPage() or 1)
    last = min(page_count, printer.toPage() or page_count)
    pdf_file = printer.outputFormat() is QPrinter.OutputFormat.PdfFormat
    return PrintJob(pdf=pdf, page_count=page_count, first=first, last=max(first, last),
                    copies=max(1, printer.copyCount()),
                    output_file=printer.outputFileName() if pdf_file else "",
                    printer_name="" if pdf_file else printer.printerName(), title=title)


def route(job: PrintJob, *, lp: str | None = None) -> Route:
    """The vector route when there is one, else raster."""
    if job.output_file:
        return Route.PDF_FILE if job.whole else Route.RASTER
    if job.printer_name and (lp or shutil.which("lp")):
        return Route.CUPS
    return Route.RASTER


def lp_command(job: PrintJob, lp: str = "lp") -> list[str]:
    """The ``lp`` command that prints ``job`` (the PDF on its standard input)."""
    command = [lp, "-d", job.printer_name, "-n", str(job.copies), "-t", job.title]
    if not job.whole:
        command += ["-P", f"{job.first}-{job.last}"]
    return command


def page_count(pdf: bytes) -> int:
    """The number of pages of ``pdf`` (0 when Qt cannot read it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        return document.pageCount()
    finally:
        document.close()
        buffer.close()


Stage = Callable[[str], None]
Cancelled = Callable[[], bool]


class PrintCancelled(Exception):
    """Printing stopped at a page because it was cancelled (the printer job aborted)."""


def send(job: PrintJob, printer: QPrinter, *, stage: Stage | None = None,
         cancelled: Cancelled | None = None) -> Route:
    """Print ``job`` (any thread); ``printer`` is used only on the raster route, which says
    each page to ``stage`` and stops when ``cancelled()``."""
    chosen = route(job)
    if chosen is Route.PDF_FILE:
        write_atomically(job.output_file, job.pdf)
    elif chosen is Route.CUPS:
        lp = shutil.which("lp") or "lp"
        result = subprocess.run(lp_command(job, lp), input=job.pdf, capture_output=True,
                                timeout=120, check=False)
        if result.returncode != 0:
            reason = result.stderr.decode("utf-8", "replace").strip() or str(result.returncode)
            raise MeetingDeskError("printing.refused", printer=job.printer_name, reason=reason)
    else:
        draw_pages(job, printer, stage=stage, cancelled=cancelled)
    logger.info("Printed %s pages %d-%d ×%d via %s", job.title, job.first, job.last,
                job.copies, chosen.value)
    return chosen


def draw_pages(job: PrintJob, printer: QPrinter, *, stage: Stage | None = None,
               cancelled: Cancelled | None = None) -> None:
    """Draw the pages on ``printer`` at its resolution, at most :data:`RASTER_DPI`."""
    buffer = QBuffer()
    buffer.setData(QByteArray(job.pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        raise MeetingDeskError("printing.not_started")
    try:
        dpi = min(printer.resolution(), RASTER_DPI)
        for n, page in enumerate(range(job.first - 1, job.last)):
            if cancelled is not None and cancelled():
                printer.abort()
                raise PrintCancelled(job.title)
            if stage is not None:
                stage(str(page + 1))
            if n:
                printer.newPage()
            size = document.pagePointSize(page)
            target = QRectF(painter.viewport())
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = document.render(page, QSize(int(size.width() * dpi / 72),
                                                int(size.height() * dpi / 72)))
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale),
                              image)
    finally:
        painter.end()
        document.close()
        buffer.close()
