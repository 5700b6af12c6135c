"""Printing the minutes: vector where the platform allows, pages drawn small otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from meetingdesk.gui import printing
from meetingdesk.gui.printing import PrintJob, Route
from meetingdesk.minutes.generate import minutes_pdf
from meetingdesk.services import meetings
from meetingdesk.services.demo import DEMO_TITLE
from meetingdesk.store.desk import Desk


def _job(pdf: bytes = b"%PDF", **changes: Any) -> PrintJob:
    values: dict[str, Any] = {"pdf": pdf, "page_count": 3, "first": 1, "last": 3, "copies": 1,
                              "output_file": "", "printer_name": "Canon", "title": "Bien ban"}
    values.update(changes)
    return PrintJob(**values)


def test_printing_route_is_vector_for_a_whole_pdf_file_or_cups() -> None:
    assert printing.route(_job(output_file="/x.pdf", printer_name="")) is Route.PDF_FILE
    assert printing.route(_job(), lp="/usr/bin/lp") is Route.CUPS
    assert printing.route(_job(output_file="/x.pdf", printer_name="", first=2)) is Route.RASTER


def test_printing_lp_command_carries_copies_and_range() -> None:
    assert printing.lp_command(_job(copies=2, first=2, last=3)) == [
        "lp", "-d", "Canon", "-n", "2", "-t", "Bien ban", "-P", "2-3"]
    assert "-P" not in printing.lp_command(_job())


def _demo_pdf(demo_desk: Desk) -> bytes:
    (summary,) = [s for s in meetings.list_meetings(demo_desk)
                  if s.meeting.title == DEMO_TITLE]
    return minutes_pdf(demo_desk, summary.meeting.id or 0)


def test_printing_job_from_a_pdf_printer_copies_the_vector_pdf(demo_desk: Desk,
                                                               tmp_path: Path) -> None:
    pdf = _demo_pdf(demo_desk)
    (tmp_path / "in.pdf").write_bytes(pdf)
    count = len(PdfReader(str(tmp_path / "in.pdf")).pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    job = printing.job_from(printer, pdf, count, "Bien ban")
    assert printing.send(job, printer) is Route.PDF_FILE
    assert (tmp_path / "out.pdf").read_bytes() == pdf


def test_printing_a_page_range_draws_small_pages(demo_desk: Desk, tmp_path: Path) -> None:
    pdf = _demo_pdf(demo_desk)
    (tmp_path / "in.pdf").write_bytes(pdf)
    count = len(PdfReader(str(tmp_path / "in.pdf")).pages)
    assert count >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setFromTo(2, 2)
    job = printing.job_from(printer, pdf, count, "Bien ban")
    assert (job.first, job.last) == (2, 2)
    assert printing.send(job, printer) is Route.RASTER
    printed = PdfReader(str(tmp_path / "range.pdf"))
    assert len(printed.pages) == 1
    assert (tmp_path / "range.pdf").stat().st_size < 3_000_000  # 300 dpi at most, not 1200
