"""Exporting a meeting's attendance list and site table to XLSX and CSV.

CSV is written as UTF-8 *with* a BOM (Excel opens it as Unicode only then), comma-separated,
CRLF line ends. Formula injection: in CSV a cell whose text starts with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading apostrophe (see :mod:`~meetingdesk.exchange.cells`);
XLSX cells are written as typed strings, which no spreadsheet evaluates, exactly as they are
("+84 912 345 678", never "'+84 912 345 678"). Dates are written as the decree writes them
(``03/4/2023``). A site's present and absent counts are the ones it reported, with its named
delegates as their floor.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from meetingdesk.domain.dates import short_date
from meetingdesk.domain.numbers import Share
from meetingdesk.exchange.cells import inert
from meetingdesk.exchange.errors import ExchangeError
from meetingdesk.services import meetings, participation
from meetingdesk.services.files import replacing
from meetingdesk.store.desk import Desk

PERCENT_FORMAT = "0.0%"
"""A share's cell: the number, shown as a percentage with one decimal (in the reader's
locale: "95,0%" in a Vietnamese spreadsheet)."""
ATTENDANCE_HEADERS = ("STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm cầu", "Vai trò",
                      "Trạng thái", "Lý do", "Giờ điểm danh", "Điện thoại", "Email")
SITE_HEADERS = ("STT", "Điểm cầu", "Mã điểm cầu", "Tên cũ", "Người liên hệ",
                "Điện thoại liên hệ", "Kỹ thuật viên", "Điện thoại kỹ thuật",
                "Số đại biểu triệu tập", "Có mặt", "Vắng mặt", "Chưa điểm danh", "Kết nối")


def attendance_rows(desk: Desk, meeting_id: int) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for number, e in enumerate(participation.attendance_list(desk, meeting_id), start=1):
        a, p = e.attendance, e.person
        rows.append((number, p.full_name, p.title_line, p.organization or "",
                     e.site.name if e.site else "", a.role.label, a.status.label,
                     a.reason or "",
                     f"{a.checked_in_at:%H:%M} {short_date(a.checked_in_at.date())}"
                     if a.checked_in_at else "",
                     p.phone or "", p.email or ""))
    return rows


def site_rows(desk: Desk, meeting_id: int) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for number, e in enumerate(participation.meeting_sites(desk, meeting_id), start=1):
        s, ms, count = e.site, e.meeting_site, e.headcount
        rows.append((number, s.name, s.code or "", "; ".join(s.aliases), s.contact_name or "",
                     s.contact_phone or "", s.technician_name or "", s.technician_phone or "",
                     ms.summoned, count.present, count.absent, e.expected,
                     ms.connection.label))
    return rows


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([v if isinstance(v, int) else inert(v) for v in row])


def write_xlsx(path: Path, title: str, headers: Sequence[str],
               rows: Sequence[Sequence[object]]) -> None:
    write_sheets(path, [(title, headers, rows)])


def write_sheets(path: Path | BinaryIO, sheets: Sequence[tuple[str, Sequence[str],
                                                   Sequence[Sequence[object]]]]) -> None:
    """A workbook of one sheet per (title, headers, rows): headers in bold, whole numbers as
    numbers, shares as numbers shown as percentages, everything else as inert text."""
    wb = Workbook(write_only=True)
    for title, headers, rows in sheets:
        _append_sheet(wb, title, headers, rows)
    wb.save(path)


def _append_sheet(wb: Workbook, title: str, headers: Sequence[str],
                  rows: Sequence[Sequence[object]]) -> None:
    ws = wb.create_sheet(title[:31])
    bold = Font(bold=True)
    head = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = bold
        head.append(cell)
    ws.append(head)
    for row in rows:
        cells = []
        for v in row:
            if isinstance(v, int):
                cells.append(WriteOnlyCell(ws, value=v))
            elif isinstance(v, Share) and v.fraction is not None:
                cell = WriteOnlyCell(ws, value=v.fraction)
                cell.number_format = PERCENT_FORMAT
                cells.append(cell)
            else:
                cell = WriteOnlyCell(ws, value=str(v))
                cell.data_type = "s"
                cells.append(cell)
        ws.append(cells)


def export_table(desk: Desk, meeting_id: int, what: str, path: str | Path) -> int:
    """Write the meeting's ``attendance`` list or ``sites`` table to ``path`` (``.xlsx`` or
    ``.csv``, by suffix), atomically. Returns the number of data rows."""
    path = Path(path)
    meetings.get_meeting(desk, meeting_id)
    if what == "attendance":
        headers, rows, title = ATTENDANCE_HEADERS, attendance_rows(desk, meeting_id), "Thành phần"
    elif what == "sites":
        headers, rows, title = SITE_HEADERS, site_rows(desk, meeting_id), "Điểm cầu"
    else:
        raise ValueError(f"unknown export {what!r}")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".txt"):
        raise ExchangeError("export.unsupported_format", suffix=path.suffix)
    with replacing(path) as tmp:  # the file appears only once complete
        if suffix == ".xlsx":
            write_xlsx(tmp, title, headers, rows)
        else:
            write_csv(tmp, headers, rows)
    return len(rows)
