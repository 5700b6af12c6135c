"""A table read from a file: its header texts and its data rows, with the header found among
title rows and two-row (merged) headers combined."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from meetingdesk.domain.messages import Message, message
from meetingdesk.exchange.cells import uninert
from meetingdesk.exchange.errors import HostileFileError
from meetingdesk.exchange.limits import (
    HEADER_SCAN_ROWS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINES,
    MAX_ROWS,
)
from meetingdesk.exchange.mapping import field_for_header


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of text cells. ``rows`` hold ``(line, cells)``: the 1-based line (row) number in
    the file, for messages, and the cells padded to the header width."""

    name: str
    headers: list[str]
    rows: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    encoding: str | None = None
    sheet: str | None = None
    header_line: int = 1

    def preview(self, count: int = 20) -> list[tuple[str, ...]]:
        return [cells for _, cells in self.rows[:count]]


def _too_big(name: str, why: Message) -> HostileFileError:
    return HostileFileError("table.file_refused", name=name, why=why)


def check_cells(name: str, line: int, cells: list[str]) -> None:
    if line > MAX_LINES:
        raise _too_big(name, message("table.more_rows", limit=MAX_LINES))
    if len(cells) > MAX_COLUMNS:
        raise _too_big(name, message("table.line_columns_most", line=line, count=len(cells),
                                     limit=MAX_COLUMNS))
    for cell in cells:
        if len(cell) > MAX_CELL_CHARS:
            raise _too_big(name, message("table.cell_line_characters_most", line=line,
                                         count=len(cell), limit=MAX_CELL_CHARS))


def _score(cells: list[str]) -> int:
    return sum(1 for c in cells if field_for_header(c) is not None)


def _header_like(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(field_for_header(c) is not None for c in filled)


def _combine(top: list[str], sub: list[str]) -> list[str]:
    width = max(len(top), len(sub))
    top = top + [""] * (width - len(top))
    sub = sub + [""] * (width - len(sub))
    return [s.strip() or t.strip() for t, s in zip(top, sub, strict=True)]


def build_table(name: str, rows: Iterable[tuple[int, list[str]]], *,
                encoding: str | None = None, sheet: str | None = None) -> Table:
    """Find the header among the first rows, then collect the data rows under it.

    The header is the row naming the most known fields (title rows above it are skipped); a
    row of sub-headers just below it (``Điện thoại``/``Email`` under a merged ``Liên hệ``), or
    a group row just above it, is combined with it column by column, so headers spanning
    merged cells still map right. Limits on rows, columns and cell size are checked while
    streaming.
    """
    it: Iterator[tuple[int, list[str]]] = iter(rows)
    head: list[tuple[int, list[str]]] = []
    for line, cells in it:
        check_cells(name, line, cells)
        if any(c.strip() for c in cells):
            head.append((line, cells))
        if len(head) >= HEADER_SCAN_ROWS:
            break
    if not head:
        return Table(name, [], [], encoding, sheet)
    scores = [_score(cells) for _, cells in head]
    best = max(range(len(head)), key=lambda i: (scores[i], -i)) if max(scores) else 0
    header_line, headers = head[best]
    first_data = best + 1
    if best + 1 < len(head) and scores[best + 1] and _header_like(head[best + 1][1]):
        headers = _combine(headers, head[best + 1][1])
        first_data = best + 2
    elif best > 0 and scores[best - 1] and _header_like(head[best - 1][1]):
        headers = _combine(head[best - 1][1], headers)
    headers = [h.strip() for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    data: list[tuple[int, tuple[str, ...]]] = []

    def add(line: int, cells: list[str]) -> None:
        if not any(c.strip() for c in cells):
            return
        if len(data) >= MAX_ROWS:
            raise _too_big(name, message("table.more_data_rows", limit=MAX_ROWS))
        padded = [uninert(c).strip() for c in cells[:width]] + [""] * (width - len(cells))
        data.append((line, tuple(padded)))

    for line, cells in head[first_data:]:
        add(line, cells)
    for line, cells in it:
        check_cells(name, line, cells)
        add(line, cells)
    return Table(name, headers, data, encoding, sheet, header_line)
