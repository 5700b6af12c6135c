"""The period report's tables as an XLSX workbook, one sheet per table (the same tables as
under the PDF's charts)."""

from __future__ import annotations

from typing import BinaryIO

from meetingdesk.exchange.export import write_sheets
from meetingdesk.services.report import PeriodReport, tables


def report_workbook(report: PeriodReport, out: BinaryIO) -> None:
    """Write the workbook of ``report`` to ``out``."""
    write_sheets(out, [(title, headers, rows) for title, headers, rows in tables(report)])
